import type { ScreeningOutcome, ScreeningStage, ScreeningVerdict } from '../../src/domain/vocabulary.ts'

/** Stages appear in URLs with hyphens: /screening/title-abstract, /screening/full-text. */
export const STAGE_SLUGS: Record<ScreeningStage, string> = {
  title_abstract: 'title-abstract',
  full_text: 'full-text',
}

export const STAGE_TITLES: Record<ScreeningStage, string> = {
  title_abstract: 'Title/abstract screening',
  full_text: 'Full-text screening',
}

export const VERDICT_LABELS: Record<ScreeningVerdict, string> = {
  include: 'Include',
  exclude: 'Exclude',
  maybe: 'Maybe',
}

/** Past tense, for what just happened and for votes on display. */
export const VERDICT_DONE: Record<ScreeningVerdict, string> = {
  include: 'Included',
  exclude: 'Excluded',
  maybe: 'Maybe',
}

export const OUTCOME_LABELS: Record<ScreeningOutcome, string> = {
  pending: 'Waiting for votes',
  conflict: 'Conflict — waiting for a resolver',
  reopened: 'Reopened — waiting for a new verdict',
  included: 'Included',
  excluded: 'Excluded',
}
