/**
 * Validators for the synthesis forms (grid, concepts, translation, third-order constructs, line of
 * argument). Ids arrive as text; anything that is not a whole number names nothing.
 */
import { z } from 'zod'
import {
  MAX_LABEL_LENGTH,
  MAX_TEXT_LENGTH,
  TRANSLATION_KINDS,
  TRANSLATION_ORDER_KINDS,
} from '../domain/synthesis/vocabulary.ts'
import { checkboxField, choiceField, optionalText, requiredText } from './fields.ts'

export function idField(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .regex(/^\d{1,15}$/, missing)
    .transform(Number)
}

/** Multi-value fields are named `name[]`; Hono gives one string or several. */
export function idList(value: unknown): number[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return items.filter((item): item is string => typeof item === 'string' && /^\d{1,15}$/.test(item)).map(Number)
}

export const conceptInput = z.object({
  label: requiredText('A concept', MAX_LABEL_LENGTH, 'Name the concept, e.g. “Holding patients while they wait”.'),
  description: optionalText('Description', MAX_TEXT_LENGTH),
})

export const mergeInput = z.object({ into: idField('Choose the concept to merge into.') })

export const confirmInput = z.object({ confirmed: checkboxField })

export const translationInput = z.object({
  translation: choiceField(TRANSLATION_KINDS, 'Choose reciprocal, refutational or untranslatable.'),
  explanation: optionalText('Explanation', MAX_TEXT_LENGTH),
})

export const mapInput = z.object({
  conceptId: idField('Choose a concept.'),
  secondOrderId: idField('Choose the study’s construct to map.'),
  translation: choiceField(TRANSLATION_KINDS, 'Choose reciprocal, refutational or untranslatable.').default(
    'reciprocal',
  ),
  explanation: optionalText('Explanation', MAX_TEXT_LENGTH),
})

export const translationOrderInput = z.object({
  kind: choiceField(TRANSLATION_ORDER_KINDS, 'Choose chronological, an index study, or a custom order.'),
  indexStudyId: z
    .string()
    .optional()
    .transform((value) => (value && /^\d{1,15}$/.test(value) ? Number(value) : null)),
  rationale: optionalText('Rationale', MAX_TEXT_LENGTH),
})

/**
 * A custom order from the per-study boxes `place-<studyId>`: studies sorted by the number typed (1 first);
 * a blank box leaves the study after the numbered ones. Returns an error message for a box that is not a
 * whole number.
 */
export function customOrderFrom(
  values: Record<string, string>,
): { ok: true; order: number[] } | { ok: false; field: string; message: string } {
  const placed: { studyId: number; place: number }[] = []
  for (const [key, raw] of Object.entries(values)) {
    const match = key.match(/^place-(\d{1,15})$/)
    if (!match) continue
    const text = raw.trim()
    if (text === '') continue
    if (!/^\d{1,4}$/.test(text))
      return { ok: false, field: key, message: 'Give each study’s place as a whole number (1 is first).' }
    placed.push({ studyId: Number(match[1]), place: Number(text) })
  }
  placed.sort((a, b) => a.place - b.place || a.studyId - b.studyId)
  return { ok: true, order: placed.map((entry) => entry.studyId) }
}

export const thirdOrderInput = z.object({
  label: requiredText('A third-order construct', MAX_LABEL_LENGTH, 'Name the third-order construct.'),
  definition: optionalText('Definition', MAX_TEXT_LENGTH),
})

export const statementInput = z.object({ statement: optionalText('The statement', 20_000) })

export const levelInput = z.object({
  label: requiredText('A level', MAX_LABEL_LENGTH, 'Name the level or group, e.g. “Organisational”.'),
})

export const placeNodeInput = z.object({
  thirdOrderId: idField('Choose a third-order construct.'),
  levelId: idField('Choose a level.'),
})

export const relationInput = z.object({
  fromNodeId: idField('Choose where the arrow starts.'),
  toNodeId: idField('Choose where the arrow ends.'),
  label: optionalText('The label', MAX_LABEL_LENGTH),
})
