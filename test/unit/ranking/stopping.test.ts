import { describe, expect, it } from 'vitest'
import {
  excludesSinceLastInclude,
  expectedRelevantRemaining,
  randomSampleEstimate,
  stoppingGuidance,
  stoppingRunLength,
} from '../../../src/domain/ranking/stopping.ts'

const run = (pattern: string) => [...pattern].map((c) => c === '1')

describe('stopping guidance', () => {
  it('counts the excludes since the last include', () => {
    expect(excludesSinceLastInclude(run('1001000'))).toBe(3)
    expect(excludesSinceLastInclude(run('0000'))).toBe(4)
    expect(excludesSinceLastInclude(run('01'))).toBe(0)
  })

  it('asks for a run of at least 50 excludes, or 5% of a large review', () => {
    expect(stoppingRunLength(300)).toBe(50)
    expect(stoppingRunLength(2000)).toBe(100)
    expect(stoppingRunLength(2001)).toBe(101)
  })

  it('estimates what is left from the recent include rate when few decisions are made', () => {
    // 15 decisions, window 10 (too few for two windows): last 10 hold 1 include → (1 + 0.5) / 11 per record.
    const decisions = run('110100010000000')
    expect(expectedRelevantRemaining(decisions, 100)).toBeCloseTo((1.5 / 11) * 100, 10)
  })

  it('lets the estimate fall off geometrically as discoveries dry up', () => {
    // 100 decisions, window 20: previous window 4 includes, last window 1.
    const decisions = [...Array<boolean>(60).fill(true), ...run('10001000100010000000'), ...run('00000000001000000000')]
    const recent = 1.5 / 21
    const decay = recent / (4.5 / 21)
    expect(expectedRelevantRemaining(decisions, 1000)).toBeCloseTo((recent * 20 * decay) / (1 - decay), 10)
  })

  it('never expects more than the recent rate over every record left', () => {
    const rising = [...Array<boolean>(80).fill(false), ...Array<boolean>(20).fill(true)]
    expect(expectedRelevantRemaining(rising, 10)).toBeCloseTo((20.5 / 21) * 10, 10)
    expect(expectedRelevantRemaining(rising, 0)).toBe(0)
  })

  it('estimates from a random sample with a Wilson 95% upper bound', () => {
    // None relevant in 100 sampled: upper share (z²/n) / (1 + z²/n) with z = 1.96.
    const none = randomSampleEstimate(100, 0, 1000)
    expect(none.estimate).toBe(0)
    expect(none.upper95).toBeCloseTo((0.038416 / 1.038416) * 1000, 6)
    expect(randomSampleEstimate(50, 5, 400).estimate).toBe(40)
  })

  it('says when the run of excludes is long enough', () => {
    const guidance = stoppingGuidance([...run('1101'), ...Array<boolean>(50).fill(false)], 246)
    expect(guidance).toMatchObject({
      screened: 54,
      found: 3,
      unscreened: 246,
      excludesSinceLastInclude: 50,
      stoppingRun: 50,
      stoppingRunReached: true,
    })
    expect(stoppingGuidance(run('1101'), 296).stoppingRunReached).toBe(false)
  })
})
