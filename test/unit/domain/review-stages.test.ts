import { describe, expect, it } from 'vitest'
import { currentStage, REVIEW_STAGES, type StageCounts } from '../../../src/domain/review-stages.ts'
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

describe('member roles', () => {
  it('ranks owner above reviewer above viewer', () => {
    expect(roleAtLeast('owner', 'reviewer')).toBe(true)
    expect(roleAtLeast('reviewer', 'reviewer')).toBe(true)
    expect(roleAtLeast('viewer', 'reviewer')).toBe(false)
    expect(roleAtLeast('reviewer', 'owner')).toBe(false)
  })
})
