/**
 * Construct forms: a first-order construct (quote, page, participant), a second-order construct (label,
 * description, page, supporting quotes), a move, and the review-wide search.
 */
import { z } from 'zod'
import { CONSTRUCT_ORDERS } from '../domain/constructs/orders.ts'
import { optionalText, requiredText } from './fields.ts'
import { validate, type FormValues, type Validated } from './form.ts'

const MAX_QUOTE_LENGTH = 10_000
export const MAX_PAGE_LENGTH = 40

const page = optionalText('The page', MAX_PAGE_LENGTH)

export const quoteInput = z.object({
  quote: requiredText('The quote', MAX_QUOTE_LENGTH, 'Paste the participant’s words.'),
  page,
  participant: optionalText('The participant', 300),
})

/** Quote ids arrive as a list of strings (one per ticked box); anything but a plain id is refused. */
const quoteIds = z
  .array(z.string().regex(/^\d{1,15}$/, 'Link the construct to quotes from the list.'))
  .optional()
  .transform((ids) => [...new Set((ids ?? []).map(Number))])

const constructFields = z.object({
  label: requiredText('The construct’s label', 300, 'Give the construct a label, e.g. “Holding the system together”.'),
  description: optionalText('The description', MAX_QUOTE_LENGTH),
  page,
})

export type ConstructFormInput = z.output<typeof constructFields> & { quoteIds: number[] }

/** The construct form: its text fields, one value each, and the ticked quotes (`quoteIds`, several). */
export function validateConstruct(lists: Record<string, string[]>): Validated<ConstructFormInput> {
  const values: FormValues = Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, list[0] ?? '']))
  const fields = validate(constructFields, values)
  const ids = quoteIds.safeParse(lists['quoteIds'])
  if (fields.ok && ids.success) return { ok: true, value: { ...fields.value, quoteIds: ids.data } }
  const errors = fields.ok ? {} : fields.errors
  if (!ids.success) errors['quoteIds'] = ids.error.issues[0]?.message ?? 'Link the construct to quotes from the list.'
  return { ok: false, errors, values: { ...values, quoteIds: (lists['quoteIds'] ?? []).join(',') } }
}

export const moveInput = z.object({ direction: z.enum(['up', 'down'], { error: 'Move an item up or down.' }) })

export const constructSearchInput = z.object({
  q: optionalText('The search', 200),
  order: z.enum(CONSTRUCT_ORDERS).catch('all'),
})
