import { describe, expect, it } from 'vitest'
import {
  isResolver,
  stageOutcome,
  voteRefusal,
  type CurrentVote,
  type LatestResolution,
  type ScreeningRules,
} from '../../../src/domain/screening/rules.ts'
import type { ScreeningVerdict } from '../../../src/domain/vocabulary.ts'

const DUAL: ScreeningRules = { reviewersPerRecord: 2, maybeIsConflict: true }
const SINGLE: ScreeningRules = { reviewersPerRecord: 1, maybeIsConflict: true }

function vote(reviewerId: number, verdict: ScreeningVerdict, minute = 0, reasonId: number | null = null): CurrentVote {
  return { reviewerId, verdict, reasonId, at: new Date(Date.UTC(2026, 0, 1, 9, minute)) }
}

function resolution(
  kind: LatestResolution['kind'],
  verdict: LatestResolution['verdict'],
  votesChangedSince = false,
): LatestResolution {
  return { kind, verdict, reasonId: null, votesChangedSince }
}

describe('dual independent screening', () => {
  it('waits for the second reviewer after one vote', () => {
    expect(stageOutcome([vote(1, 'include')], null, DUAL).outcome).toBe('pending')
  })

  it('includes a record when both reviewers include it', () => {
    expect(stageOutcome([vote(1, 'include'), vote(2, 'include')], null, DUAL)).toEqual({
      outcome: 'included',
      reasonId: null,
      resolved: false,
    })
  })

  it('makes a conflict when the two reviewers disagree', () => {
    expect(stageOutcome([vote(1, 'include'), vote(2, 'exclude')], null, DUAL).outcome).toBe('conflict')
  })

  it('makes a conflict of a Maybe when the review says so', () => {
    expect(stageOutcome([vote(1, 'maybe'), vote(2, 'maybe')], null, DUAL).outcome).toBe('conflict')
  })

  it('counts a Maybe as include when the review does not treat it as a conflict', () => {
    const lenient = { ...DUAL, maybeIsConflict: false }
    expect(stageOutcome([vote(1, 'maybe'), vote(2, 'include')], null, lenient).outcome).toBe('included')
    expect(stageOutcome([vote(1, 'maybe'), vote(2, 'exclude')], null, lenient).outcome).toBe('conflict')
  })

  it('makes a conflict when both exclude a report for different reasons', () => {
    const outcome = stageOutcome([vote(1, 'exclude', 0, 12), vote(2, 'exclude', 1, 11)], null, DUAL)
    expect(outcome).toEqual({ outcome: 'conflict', reasonId: null, resolved: false })
  })

  it('excludes a report with the reason both reviewers gave', () => {
    const outcome = stageOutcome([vote(1, 'exclude', 0, 11), vote(2, 'exclude', 1, 11)], null, DUAL)
    expect(outcome).toEqual({ outcome: 'excluded', reasonId: 11, resolved: false })
  })
})

describe('single screening', () => {
  it('decides a record on one vote', () => {
    expect(stageOutcome([vote(1, 'exclude')], null, SINGLE).outcome).toBe('excluded')
  })

  it('sends a lone Maybe to the conflict queue', () => {
    expect(stageOutcome([vote(1, 'maybe')], null, SINGLE).outcome).toBe('conflict')
  })
})

describe('resolution and reopening', () => {
  const disagreement = [vote(1, 'include', 0), vote(2, 'exclude', 1)]

  it('lets a resolver’s verdict decide a conflict', () => {
    expect(stageOutcome(disagreement, resolution('resolve', 'include'), DUAL)).toEqual({
      outcome: 'included',
      reasonId: null,
      resolved: true,
    })
  })

  it('puts a reopened record back in the queue until someone acts', () => {
    const agreed = [vote(1, 'include', 0), vote(2, 'include', 1)]
    expect(stageOutcome(agreed, resolution('reopen', null), DUAL).outcome).toBe('reopened')
  })

  it('decides a reopened record again from the votes once a reviewer changes theirs', () => {
    const changed = [vote(1, 'exclude', 6), vote(2, 'exclude', 1)]
    expect(stageOutcome(changed, resolution('reopen', null, true), DUAL).outcome).toBe('excluded')
  })
})

describe('who may vote', () => {
  const base = { rules: DUAL, openToEveryone: false }

  it('lets a reviewer change a vote until the record is resolved', () => {
    const votes = [vote(1, 'include'), vote(2, 'exclude')]
    const outcome = stageOutcome(votes, null, DUAL)
    expect(voteRefusal({ ...base, reviewerId: 1, votes, outcome })).toBeNull()
    const resolved = stageOutcome(votes, resolution('resolve', 'exclude'), DUAL)
    expect(voteRefusal({ ...base, reviewerId: 1, votes, outcome: resolved })).toMatch(/resolved/)
  })

  it('keeps a third reviewer out of a record that has its two votes', () => {
    const votes = [vote(1, 'include'), vote(2, 'include')]
    const outcome = stageOutcome(votes, null, DUAL)
    expect(voteRefusal({ ...base, reviewerId: 3, votes, outcome })).toMatch(/already has the votes/)
  })

  it('lets everyone screen a pilot record', () => {
    const votes = [vote(1, 'include'), vote(2, 'include')]
    const outcome = stageOutcome(votes, null, DUAL)
    expect(voteRefusal({ ...base, openToEveryone: true, reviewerId: 3, votes, outcome })).toBeNull()
  })

  it('sends an outsider to the resolver when the reviewers disagree', () => {
    const votes = [vote(1, 'include')]
    const outcome = stageOutcome([...votes, vote(2, 'exclude')], null, DUAL)
    expect(voteRefusal({ ...base, reviewerId: 3, votes, outcome })).toMatch(/resolver/)
  })
})

describe('who resolves conflicts', () => {
  it('is an owner, or the reviewer the owners named as third reviewer', () => {
    expect(isResolver({ thirdReviewerId: null }, 7, 'owner')).toBe(true)
    expect(isResolver({ thirdReviewerId: 7 }, 7, 'reviewer')).toBe(true)
    expect(isResolver({ thirdReviewerId: 8 }, 7, 'reviewer')).toBe(false)
  })
})
