/**
 * GRADE-CERQual judgement rules (METHOD.md §5.3): an assessment starts from high confidence and is
 * rated down for concerns; a component with serious concerns typically rates it down at least one level;
 * several minor or moderate concerns may together justify one level. The final call is the team's, so
 * these rules refuse only what cannot stand (a judgement without its explanation, an overall rating
 * before every component is judged) and warn about the rest.
 */
import {
  CERQUAL_COMPONENT_LABELS,
  CERQUAL_COMPONENTS,
  CONFIDENCE_LEVEL_LABELS,
  CONFIDENCE_LEVELS,
  type CerqualComponent,
  type ConcernLevel,
  type ConfidenceLevel,
} from './vocabulary.ts'

export interface ComponentJudgement {
  concern: ConcernLevel | null
  explanation: string
}

export interface CerqualAssessment {
  components: Record<CerqualComponent, ComponentJudgement>
  confidence: ConfidenceLevel | null
  explanation: string
}

export interface AssessmentProblems {
  /** Field name → message; the form is refused while any remain. */
  errors: Record<string, string>
  /** Things the team should look at again, shown but not refused. */
  warnings: string[]
}

export const UNASSESSED: CerqualAssessment = {
  components: {
    methodological_limitations: { concern: null, explanation: '' },
    coherence: { concern: null, explanation: '' },
    adequacy: { concern: null, explanation: '' },
    relevance: { concern: null, explanation: '' },
  },
  confidence: null,
  explanation: '',
}

function rank(level: ConfidenceLevel): number {
  return CONFIDENCE_LEVELS.indexOf(level)
}

/**
 * The highest confidence the concerns leave room for by the usual rule: high, one level down per
 * component with serious concerns, and one more when two or more components have moderate concerns.
 */
export function confidenceCeiling(assessment: CerqualAssessment): ConfidenceLevel {
  const concerns = CERQUAL_COMPONENTS.map((component) => assessment.components[component].concern)
  const serious = concerns.filter((concern) => concern === 'serious').length
  const moderate = concerns.filter((concern) => concern === 'moderate').length
  const steps = serious + (moderate >= 2 ? 1 : 0)
  return CONFIDENCE_LEVELS[Math.min(steps, CONFIDENCE_LEVELS.length - 1)]!
}

export function isAssessed(assessment: CerqualAssessment): boolean {
  return assessment.confidence !== null
}

export function assessmentProblems(assessment: CerqualAssessment): AssessmentProblems {
  const errors: Record<string, string> = {}
  const warnings: string[] = []
  for (const component of CERQUAL_COMPONENTS) {
    const judgement = assessment.components[component]
    if (judgement.concern !== null && judgement.explanation.trim() === '') {
      errors[`${component}Explanation`] = `${CERQUAL_COMPONENT_LABELS[component]}: explain the level of concern.`
    }
    if (judgement.concern === null && judgement.explanation.trim() !== '') {
      errors[`${component}Concern`] =
        `${CERQUAL_COMPONENT_LABELS[component]}: choose a level of concern for this explanation.`
    }
  }
  if (assessment.confidence !== null) {
    const missing = CERQUAL_COMPONENTS.filter((component) => assessment.components[component].concern === null)
    if (missing.length > 0) {
      errors['confidence'] =
        `Judge every component before the overall confidence: ${missing.map((c) => CERQUAL_COMPONENT_LABELS[c]).join(', ')} not yet judged.`
    }
    if (assessment.explanation.trim() === '') {
      errors['confidenceExplanation'] =
        'Explain the overall confidence (which components drove it down, or why none did).'
    }
    const ceiling = confidenceCeiling(assessment)
    if (missing.length === 0 && rank(assessment.confidence) < rank(ceiling)) {
      warnings.push(
        `${CONFIDENCE_LEVEL_LABELS[assessment.confidence]} is above the usual ceiling of ${CONFIDENCE_LEVEL_LABELS[ceiling].toLowerCase()}: ` +
          'a component with serious concerns usually rates confidence down at least one level.',
      )
    }
    const allClear = CERQUAL_COMPONENTS.every((component) => assessment.components[component].concern === 'none')
    if (allClear && assessment.confidence !== 'high') {
      warnings.push(
        'Confidence is rated down although no component has more than very minor concerns: say why in the explanation.',
      )
    }
  } else if (assessment.explanation.trim() !== '') {
    errors['confidence'] = 'Choose the overall confidence this explanation is for.'
  }
  return { errors, warnings }
}
