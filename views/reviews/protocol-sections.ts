import type { Review } from '../../db/schema.ts'

/** The protocol's free-text fields. */
type TextField = { [K in keyof Review]: Review[K] extends string ? K : never }[keyof Review]

/**
 * The review question as SPIDER and PICo frame it, and the eligibility criteria: the protocol form asks for
 * them and the protocol page shows them under the same headings and words.
 */
export const PROTOCOL_SECTIONS: readonly {
  heading: string
  /** Lines of the form's text box. */
  rows: number
  fields: readonly (readonly [field: TextField, label: string])[]
}[] = [
  {
    heading: 'SPIDER',
    rows: 2,
    fields: [
      ['spiderSample', 'Sample'],
      ['spiderPhenomenon', 'Phenomenon of interest'],
      ['spiderDesign', 'Design'],
      ['spiderEvaluation', 'Evaluation'],
      ['spiderResearchType', 'Research type'],
    ],
  },
  {
    heading: 'PICo',
    rows: 2,
    fields: [
      ['picoPopulation', 'Population'],
      ['picoInterest', 'Phenomenon of interest'],
      ['picoContext', 'Context'],
    ],
  },
  {
    heading: 'Eligibility',
    rows: 5,
    fields: [
      ['inclusionCriteria', 'Inclusion criteria'],
      ['exclusionCriteria', 'Exclusion criteria'],
    ],
  },
]
