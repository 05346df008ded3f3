import { describe, expect, it } from 'vitest'
import { currentStage, REVIEW_STAGES, stageAtWork, type StageCounts } from '../../../src/domain/review-stages.ts'
import { roleAtLeast } from '../../../src/domain/vocabulary.ts'

const counts = (filled: number): StageCounts =>
  Object.fromEntries(REVIEW_STAGES.map((stage, index) => [stage, index < filled ? 10 : 0])) as StageCounts

describe('where a review stands', () => {
  it('follows the flow from identification to synthesis', () => {
    expect(REVIEW_STAGES).toEqual([
      'identification',
      'screening',
      'retrieval',
      'eligibility',
      'included',
      'appraisal',
      'extraction',
      'synthesis',
    ])
  })

  it('is at identification before anything is imported', () => {
    expect(currentStage(counts(0))).toBe('identification')
  })

  it('is at the first stage with nothing in it', () => {
    expect(currentStage(counts(3))).toBe('eligibility')
  })

  it('has no next stage once every stage has begun', () => {
    expect(currentStage(counts(8))).toBeNull()
  })
})

describe('the stage at work', () => {
  it('is the first stage with work left: screening while 4 of 16 records wait, though later stages have begun', () => {
    expect(stageAtWork(counts(8), { screening: { done: 12, of: 16 }, eligibility: { done: 6, of: 7 } })).toBe(
      'screening',
    )
  })

  it('moves on once a stage has finished its work', () => {
    expect(stageAtWork(counts(8), { screening: { done: 16, of: 16 }, eligibility: { done: 6, of: 7 } })).toBe(
      'eligibility',
    )
  })

  it('is the next stage to begin when every begun stage is finished, and none at the very end', () => {
    expect(stageAtWork(counts(2), { screening: { done: 16, of: 16 } })).toBe('retrieval')
    expect(stageAtWork(counts(0), { screening: { done: 0, of: 0 } })).toBe('identification')
    expect(stageAtWork(counts(8), { screening: { done: 16, of: 16 } })).toBeNull()
  })
})

describe('member roles', () => {
  it('ranks owner above reviewer above viewer', () => {
    expect(roleAtLeast('owner', 'reviewer')).toBe(true)
    expect(roleAtLeast('reviewer', 'reviewer')).toBe(true)
    expect(roleAtLeast('viewer', 'reviewer')).toBe(false)
    expect(roleAtLeast('reviewer', 'owner')).toBe(false)
  })
})
