/**
 * Closed vocabularies of the synthesis (Noblit & Hare phases 4–6, METHOD.md §2), shared by the schema,
 * the validators and the views.
 */

/** How a study's second-order construct relates to the reviewers' concept it is mapped to (METHOD.md §2.1). */
export const TRANSLATION_KINDS = ['reciprocal', 'refutational', 'untranslatable'] as const
export type TranslationKind = (typeof TRANSLATION_KINDS)[number]

export const TRANSLATION_KIND_LABELS: Record<TranslationKind, string> = {
  reciprocal: 'Reciprocal (translates)',
  refutational: 'Refutational (contradicts)',
  untranslatable: 'Untranslatable',
}

/** The order in which studies are translated into one another (METHOD.md §2.3). */
export const TRANSLATION_ORDER_KINDS = ['chronological', 'index_study', 'custom'] as const
export type TranslationOrderKind = (typeof TRANSLATION_ORDER_KINDS)[number]

export const TRANSLATION_ORDER_LABELS: Record<TranslationOrderKind, string> = {
  chronological: 'Chronological (earliest first)',
  index_study: 'From an index study',
  custom: 'Custom order',
}

/** What a CERQual finding summarises: one third-order construct, or the line of argument as a whole. */
export const FINDING_BASES = ['third_order', 'line_of_argument'] as const
export type FindingBasis = (typeof FINDING_BASES)[number]

export const MAX_LABEL_LENGTH = 200
export const MAX_TEXT_LENGTH = 5000
