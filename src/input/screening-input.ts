import { z } from 'zod'
import {
  SCREENING_STAGES,
  SCREENING_VERDICTS,
  type ScreeningStage,
  type ScreeningVerdict,
} from '../domain/vocabulary.ts'
import type { ScreeningListFilters } from '../domain/screening/list-filters.ts'
import { optionalText } from './fields.ts'

const NOTE_TEXT = 2000

/** An optional id from a <select>: empty means none. */
const optionalId = (label: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim())
    .pipe(z.string().regex(/^(\d{1,15})?$/, `${label}: choose one of the listed options.`))
    .transform((value) => (value === '' ? null : Number(value)))

/** A reviewer's vote on one record, as the screening form sends it. */
export const voteInput = z.object({
  verdict: z.enum(SCREENING_VERDICTS, { error: 'Choose Include, Exclude or Maybe.' }),
  note: optionalText('Note', NOTE_TEXT),
  reasonId: optionalId('Reason'),
  /** Present when the reviewer navigated to the record: stay on it instead of moving to the next. */
  stay: z
    .string()
    .optional()
    .transform((value) => value === '1'),
})
export type VoteInput = z.output<typeof voteInput>

/** A resolver's final verdict on a record in conflict. */
export const resolutionInput = z.object({
  verdict: z.enum(['include', 'exclude'], { error: 'Choose Include or Exclude as the final verdict.' }),
  note: optionalText('Note', NOTE_TEXT),
  reasonId: optionalId('Reason'),
})

export const reopenInput = z.object({ note: optionalText('Note', NOTE_TEXT) })

/** The stage named in a URL (title-abstract, full-text); null for anything else. */
export function stageFromSlug(slug: string | undefined): ScreeningStage | null {
  const stage = (slug ?? '').replace('-', '_')
  return (SCREENING_STAGES as readonly string[]).includes(stage) ? (stage as ScreeningStage) : null
}

const recordCount = (label: string, max: number) =>
  z
    .string({ error: `${label}: enter a number.` })
    .transform((value) => value.trim())
    .pipe(z.string().regex(/^\d{1,7}$/, `${label}: enter a whole number.`))
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, `${label}: at least 1.`)
        .max(max, `${label}: at most ${max.toLocaleString('en')}.`),
    )

export const thirdReviewerInput = z.object({ userId: optionalId('Third reviewer') })

export const batchInput = z.object({
  userId: z
    .string({ error: 'Choose a reviewer.' })
    .regex(/^\d{1,15}$/, 'Choose a reviewer.')
    .transform(Number),
  stage: z.enum(SCREENING_STAGES, { error: 'Choose title/abstract or full text.' }),
  size: recordCount('Number of records', 100_000),
})

export const pilotInput = z.object({ size: recordCount('Sample size', 5_000) })

const VERDICT_SET = new Set<string>(SCREENING_VERDICTS)

/** The list view's filters from the query string; anything unrecognised is simply not a filter. */
export function listFilters(query: Record<string, string | undefined>): ScreeningListFilters {
  const verdict = (value: string | undefined): ScreeningVerdict | '' =>
    value && VERDICT_SET.has(value) ? (value as ScreeningVerdict) : ''
  const mine = query.mine === 'none' ? 'none' : verdict(query.mine)
  return {
    q: (query.q ?? '').trim().slice(0, 200),
    mine,
    others: verdict(query.others),
    conflicts: query.conflicts === '1',
    unscreened: query.unscreened === '1',
    sourceId: /^\d{1,15}$/.test(query.source ?? '') ? Number(query.source) : null,
    label: (query.label ?? '').trim().slice(0, 200),
  }
}
