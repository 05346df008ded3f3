import { z } from 'zod'
import { requiredText } from './fields.ts'

export const MAX_LABEL_LENGTH = 60

/** A label as typed on a record: inner runs of spaces become one, so "to  check" and "to check" are one label. */
export const labelInput = z.object({
  label: requiredText('A label', MAX_LABEL_LENGTH, 'Type a label to add.').transform((label) =>
    label.replace(/\s+/g, ' '),
  ),
  /** Where a plain (no-JavaScript) post goes back to: a page of the same review. */
  back: z.string().optional(),
})
