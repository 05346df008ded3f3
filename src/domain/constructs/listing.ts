/** What the construct pages list: quotes and constructs across studies, and a study's constructs with their quotes. */

export interface ConstructListing {
  order: 'first' | 'second'
  id: number
  studyId: number
  studyLabel: string
  /** The quote, or the construct's label. */
  text: string
  /** Who said it, or the construct's description. */
  detail: string
  page: string
  /** How many constructs the quote supports, or how many quotes support the construct. */
  links: number
}

/** A second-order construct (db/schema's `SecondOrderConstruct`) with the quotes that support it. */
export type LinkedConstruct<Construct> = Construct & { quoteIds: number[] }
