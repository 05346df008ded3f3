/**
 * Full-text exclusion reasons a new qualitative evidence synthesis starts with. They are ordered as a
 * hierarchy: a report excluded for several reasons is counted under the first that applies, so each
 * report has exactly one primary reason in the PRISMA diagram.
 */
export const DEFAULT_EXCLUSION_REASONS: readonly string[] = [
  'Wrong publication type (not primary research: review, editorial, commentary)',
  'Protocol or abstract only (too little detail to extract)',
  'Wrong study design (no qualitative data collection and analysis)',
  'Wrong population',
  'Wrong phenomenon of interest',
  'Wrong context or setting',
  'Qualitative findings for the population not reported separately',
  'Language not included',
]

export const MAX_EXCLUSION_REASON_LENGTH = 200
