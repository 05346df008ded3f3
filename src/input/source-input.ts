import { z } from 'zod'
import { SOURCE_KINDS } from '../domain/vocabulary.ts'
import { choiceField, optionalText, requiredText } from './fields.ts'

function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

/** A search-log entry (PRISMA-S items 1–3, 8–10, 13). `today` keeps dates run out of the future. */
export function sourceInput(today: string) {
  return z.object({
    name: requiredText('Source name', 200, 'Name the source, e.g. MEDLINE.'),
    platform: optionalText('Platform', 200),
    kind: choiceField(SOURCE_KINDS, 'Choose what kind of source this is.'),
    dateRun: optionalText('Date run', 10)
      .refine((value) => value === '' || isRealIsoDate(value), 'Enter the date as YYYY-MM-DD, e.g. 2026-03-14.')
      .refine((value) => value === '' || value <= today, 'The date run cannot be in the future.'),
    coverage: optionalText('Coverage', 500),
    strategy: optionalText('Search strategy', 100_000),
    limits: optionalText('Limits', 5000),
    filters: optionalText('Filters', 5000),
    notes: optionalText('Notes', 5000),
  })
}
export type SourceInput = z.output<ReturnType<typeof sourceInput>>
