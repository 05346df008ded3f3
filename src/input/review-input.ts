import { z } from 'zod'
import {
  DEFAULT_PRISMA_TEMPLATE,
  PRISMA_TEMPLATES,
  SCREENING_ALLOCATIONS,
  SCREENING_ORDERS,
} from '../domain/vocabulary.ts'
import { parseTermList } from '../domain/screening/highlight.ts'
import { checkboxField, choiceField, countField, optionalText, requiredText } from './fields.ts'

/** /reviews/new is the new-review form, so no review may be called that. */
const RESERVED_SLUGS = new Set(['new'])

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/

export const slugField = z
  .string({ error: 'Enter a short name for the review’s web address.' })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Enter a short name for the review’s web address.')
      .regex(SLUG_PATTERN, 'Use 2–63 lower-case letters, digits and hyphens, starting with a letter or digit.')
      .refine((slug) => !RESERVED_SLUGS.has(slug), 'That short name is taken by a Weft page; choose another.'),
  )

const PROTOCOL_TEXT = 4000
const CRITERIA_TEXT = 20000

/** Highlight terms as typed (one per line or comma-separated); a term the highlighter cannot use is refused. */
function termList(label: string) {
  return optionalText(label, PROTOCOL_TEXT).superRefine((value, context) => {
    const parsed = parseTermList(value)
    if (!parsed.ok) context.addIssue({ code: 'custom', message: `${label}: ${parsed.error}` })
  })
}

/** Everything a review owner sets on the protocol form (create and edit share it). */
export const reviewInput = z.object({
  title: requiredText('Title', 300, 'Enter the review’s title.'),
  slug: slugField,
  question: optionalText('Review question', PROTOCOL_TEXT),
  registrationId: optionalText('Registration id', 100),
  spiderSample: optionalText('Sample', PROTOCOL_TEXT),
  spiderPhenomenon: optionalText('Phenomenon of interest', PROTOCOL_TEXT),
  spiderDesign: optionalText('Design', PROTOCOL_TEXT),
  spiderEvaluation: optionalText('Evaluation', PROTOCOL_TEXT),
  spiderResearchType: optionalText('Research type', PROTOCOL_TEXT),
  picoPopulation: optionalText('Population', PROTOCOL_TEXT),
  picoInterest: optionalText('Phenomenon of interest', PROTOCOL_TEXT),
  picoContext: optionalText('Context', PROTOCOL_TEXT),
  inclusionCriteria: optionalText('Inclusion criteria', CRITERIA_TEXT),
  exclusionCriteria: optionalText('Exclusion criteria', CRITERIA_TEXT),
  prismaTemplate: z
    .string()
    .optional()
    .transform((value) => value || DEFAULT_PRISMA_TEMPLATE)
    .pipe(choiceField(PRISMA_TEMPLATES, 'Choose one of the four PRISMA 2020 templates.')),
  reviewersPerRecord: z
    .string({ error: 'Choose 1 or 2 reviewers per record.' })
    .optional()
    .transform((value) => value ?? '2')
    .pipe(z.enum(['1', '2'], { error: 'Choose 1 or 2 reviewers per record.' }))
    .transform((value) => (value === '1' ? 1 : 2)),
  blindScreening: checkboxField,
  maybeIsConflict: checkboxField,
  screeningAllocation: z
    .string()
    .optional()
    .transform((value) => value || 'open_pool')
    .pipe(choiceField(SCREENING_ALLOCATIONS, 'Choose an open pool or owner-assigned batches.')),
  screeningOrder: z
    .string()
    .optional()
    .transform((value) => value || 'relevance')
    .pipe(choiceField(SCREENING_ORDERS, 'Choose most relevant first, import order or random order.')),
  includeTerms: termList('Terms to highlight as relevant'),
  excludeTerms: termList('Terms to highlight as irrelevant'),
  previousStudies: countField('Studies included in the previous version'),
  previousReports: countField('Reports of studies included in the previous version'),
})
export type ReviewInput = z.output<typeof reviewInput>
