import { describe, expect, it } from 'vitest'
import { jaro, jaroWinkler, wordContainment, wordDice, wordOverlap } from '../../../src/domain/dedup/similarity.ts'

describe('jaroWinkler', () => {
  // Reference values from Winkler (1990) and the record-linkage literature.
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
  ])('rates %s / %s at %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3)
  })

  it('is 1 for equal strings and 0 when nothing matches or a side is empty', () => {
    expect(jaroWinkler('okafor', 'okafor')).toBe(1)
    expect(jaroWinkler('abc', 'xyz')).toBe(0)
    expect(jaro('', 'abc')).toBe(0)
  })

  it('is symmetric', () => {
    expect(jaroWinkler('hartley', 'hartly')).toBeCloseTo(jaroWinkler('hartly', 'hartley'), 10)
  })
})

describe('wordOverlap', () => {
  it('counts spelling variants of long words as shared', () => {
    const overlap = wordOverlap(['haemolytic', 'uraemic', 'syndrome'], ['hemolytic', 'uremic', 'syndrome'])
    expect(overlap.shared).toBe(3)
    expect(wordDice(overlap)).toBe(1)
  })

  it('requires numbers to match exactly', () => {
    expect(wordOverlap(['phase', '2', 'trial'], ['phase', '3', 'trial']).shared).toBe(2)
  })

  it('gives full containment when one title is the other plus a subtitle', () => {
    const overlap = wordOverlap(
      ['unilateral', 'neglect', 'in', 'stroke'],
      ['unilateral', 'neglect', 'in', 'stroke', 'a', 'comparative', 'study'],
    )
    expect(wordContainment(overlap)).toBe(1)
    expect(wordDice(overlap)).toBeCloseTo(8 / 11, 5)
  })
})
