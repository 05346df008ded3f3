/**
 * GRADE-CERQual's words (METHOD.md §5): four components, four levels of concern, four levels of
 * confidence. Stored as the short keys; shown with the official wording.
 */

export const CERQUAL_COMPONENTS = ['methodological_limitations', 'coherence', 'adequacy', 'relevance'] as const
export type CerqualComponent = (typeof CERQUAL_COMPONENTS)[number]

export const CERQUAL_COMPONENT_LABELS: Record<CerqualComponent, string> = {
  methodological_limitations: 'Methodological limitations',
  coherence: 'Coherence',
  adequacy: 'Adequacy of data',
  relevance: 'Relevance',
}

export const CONCERN_LEVELS = ['none', 'minor', 'moderate', 'serious'] as const
export type ConcernLevel = (typeof CONCERN_LEVELS)[number]

export const CONCERN_LEVEL_LABELS: Record<ConcernLevel, string> = {
  none: 'No or very minor concerns',
  minor: 'Minor concerns',
  moderate: 'Moderate concerns',
  serious: 'Serious concerns',
}

/** Highest first: an assessment starts at high confidence and is rated down. */
export const CONFIDENCE_LEVELS = ['high', 'moderate', 'low', 'very_low'] as const
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]

export const CONFIDENCE_LEVEL_LABELS: Record<ConfidenceLevel, string> = {
  high: 'High confidence',
  moderate: 'Moderate confidence',
  low: 'Low confidence',
  very_low: 'Very low confidence',
}
