/**
 * The retrieval page's inputs: which reports to list (a filter and a keyset position from the query
 * string) and the note that must say why a report could not be retrieved.
 */
import { z } from 'zod'
import { REPORT_RETRIEVAL_STATUSES } from '../domain/vocabulary.ts'
import { requiredText } from './fields.ts'

export const MAX_RETRIEVAL_NOTE_LENGTH = 2000

export const RETRIEVAL_FILTERS = ['all', ...REPORT_RETRIEVAL_STATUSES] as const

/** Query-string view of the list; anything unknown falls back to the whole list from the start. */
export const retrievalListInput = z.object({
  state: z.enum(RETRIEVAL_FILTERS).catch('all'),
  after: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
})
export type RetrievalListInput = z.output<typeof retrievalListInput>

export const notRetrievedInput = z.object({
  note: requiredText(
    'The note',
    MAX_RETRIEVAL_NOTE_LENGTH,
    'Say why the report could not be retrieved, e.g. “Not held by any library; author did not reply”.',
  ),
})
