import { describe, expect, it } from 'vitest'
import {
  assessmentProblems,
  confidenceCeiling,
  UNASSESSED,
  type CerqualAssessment,
} from '../../../src/domain/cerqual/assessment.ts'
import type { ConcernLevel, ConfidenceLevel } from '../../../src/domain/cerqual/vocabulary.ts'

function assessed(
  concerns: [ConcernLevel, ConcernLevel, ConcernLevel, ConcernLevel],
  confidence: ConfidenceLevel | null,
  explanation = 'Because.',
): CerqualAssessment {
  const [ml, co, ad, re] = concerns
  return {
    components: {
      methodological_limitations: { concern: ml, explanation: 'ml' },
      coherence: { concern: co, explanation: 'co' },
      adequacy: { concern: ad, explanation: 'ad' },
      relevance: { concern: re, explanation: 're' },
    },
    confidence,
    explanation,
  }
}

describe('GRADE-CERQual overall confidence', () => {
  it('starts at high and rates down one level per component with serious concerns', () => {
    expect(confidenceCeiling(assessed(['none', 'minor', 'none', 'minor'], null))).toBe('high')
    expect(confidenceCeiling(assessed(['serious', 'none', 'none', 'none'], null))).toBe('moderate')
    expect(confidenceCeiling(assessed(['serious', 'serious', 'none', 'none'], null))).toBe('low')
    expect(confidenceCeiling(assessed(['serious', 'serious', 'serious', 'serious'], null))).toBe('very_low')
  })

  it('rates down one level for two or more components with moderate concerns', () => {
    expect(confidenceCeiling(assessed(['moderate', 'none', 'none', 'none'], null))).toBe('high')
    expect(confidenceCeiling(assessed(['moderate', 'moderate', 'none', 'none'], null))).toBe('moderate')
  })

  it('refuses an overall confidence before every component is judged', () => {
    const partial = {
      ...assessed(['minor', 'none', 'none', 'none'], 'high'),
      components: {
        ...assessed(['minor', 'none', 'none', 'none'], 'high').components,
        relevance: { concern: null, explanation: '' },
      },
    }
    expect(assessmentProblems(partial).errors['confidence']).toMatch(/Relevance not yet judged/)
  })

  it('refuses a level of concern or an overall rating without its explanation', () => {
    const bare = assessed(['minor', 'none', 'none', 'none'], 'high', '  ')
    bare.components.coherence.explanation = ''
    const { errors } = assessmentProblems(bare)
    expect(errors['coherenceExplanation']).toBe('Coherence: explain the level of concern.')
    expect(errors['confidenceExplanation']).toMatch(/Explain the overall confidence/)
  })

  it('warns, without refusing, when the rating is above the usual ceiling', () => {
    const problems = assessmentProblems(assessed(['serious', 'none', 'none', 'none'], 'high'))
    expect(problems.errors).toEqual({})
    expect(problems.warnings[0]).toMatch(/above the usual ceiling of moderate confidence/)
  })

  it('warns when confidence is rated down although no component has concerns', () => {
    expect(assessmentProblems(assessed(['none', 'none', 'none', 'none'], 'low')).warnings).toHaveLength(1)
  })

  it('accepts an assessment not yet started', () => {
    expect(assessmentProblems(UNASSESSED)).toEqual({ errors: {}, warnings: [] })
  })
})
