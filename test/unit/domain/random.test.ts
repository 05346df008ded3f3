import { describe, expect, it } from 'vitest'
import { drawSample, seededRandom, shuffled } from '../../../src/domain/random.ts'

describe('seeded randomness', () => {
  it('draws the same pilot sample from the same seed, so the audit trail can repeat it', () => {
    const records = Array.from({ length: 50 }, (_, i) => i + 1)
    const sample = drawSample(records, 10, 20261102)
    expect(drawSample(records, 10, 20261102)).toEqual(sample)
    expect(new Set(sample).size).toBe(10)
    expect(drawSample(records, 10, 7)).not.toEqual(sample)
  })

  it('shuffles every item exactly once, in an order fixed by the seed', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f']
    expect(shuffled(items, 3)).toEqual(shuffled(items, 3))
    expect([...shuffled(items, 3)].sort()).toEqual(items)
  })

  it('spreads its numbers evenly over [0, 1)', () => {
    const random = seededRandom(1)
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 40_000; i++) counts[Math.floor(random() * 4)]!++
    for (const count of counts) expect(count).toBeGreaterThan(9_500)
  })
})
