/**
 * Study-characteristics forms: a field of the form (designer), the dual-extraction switch, and the values
 * of one study, checked against each field's kind.
 */
import { z } from 'zod'
import type { ExtractionField } from '../../db/schema.ts'
import { COUNTRIES } from '../domain/extraction/countries.ts'
import {
  FIELD_KINDS,
  hasOptions,
  MAX_FIELD_LABEL_LENGTH,
  MAX_FIELD_OPTIONS,
  MAX_OPTION_LENGTH,
  type FieldDefinition,
  type FieldKind,
} from '../domain/extraction/fields.ts'
import { lines } from './appraisal-input.ts'
import { checkboxField, choiceField, optionalText, requiredText } from './fields.ts'
import type { FieldErrors, FormValues, Validated } from './form.ts'

const MAX_VALUE_LENGTH = 10_000

const optionsText = optionalText('The choices', 10_000).transform(lines)

function checkOptions(kind: FieldKind, options: string[], context: z.RefinementCtx): void {
  if (!hasOptions(kind)) return
  if (options.length < 2)
    context.addIssue({
      code: 'custom',
      path: ['options'],
      message: 'A choice field needs at least two choices, one per line.',
    })
  if (options.length > MAX_FIELD_OPTIONS)
    context.addIssue({ code: 'custom', path: ['options'], message: `Give at most ${MAX_FIELD_OPTIONS} choices.` })
  const long = options.find((option) => option.length > MAX_OPTION_LENGTH)
  if (long)
    context.addIssue({
      code: 'custom',
      path: ['options'],
      message: `Each choice has at most ${MAX_OPTION_LENGTH} characters.`,
    })
}

const label = requiredText('The field’s name', MAX_FIELD_LABEL_LENGTH, 'Name the field, e.g. “Sampling approach”.')
const hint = optionalText('The hint', 300)

export const fieldInput = z
  .object({ label, kind: choiceField(FIELD_KINDS, 'Choose what kind of field this is.'), options: optionsText, hint })
  .superRefine((field, context) => checkOptions(field.kind, field.options, context))
  .transform((field): FieldDefinition => ({ ...field, options: hasOptions(field.kind) ? field.options : [] }))

/** Editing keeps the kind, so the choices are checked against the stored field's kind. */
export function fieldEditInput(kind: FieldKind) {
  return z
    .object({ label, options: optionsText, hint })
    .superRefine((field, context) => checkOptions(kind, field.options, context))
    .transform((field) => ({ ...field, options: hasOptions(kind) ? field.options : [] }))
}

export const dualExtractionInput = z.object({ dualExtraction: checkboxField })

/** Every submitted value of every field, as a list (a checkbox group sends several). */
export function formLists(body: Record<string, unknown>): Record<string, string[]> {
  const listed: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    const items = Array.isArray(value) ? value : [value]
    listed[key] = items.filter((item): item is string => typeof item === 'string')
  }
  return listed
}

const COUNTRY_BY_NAME = new Map(COUNTRIES.map((name) => [name.toLowerCase(), name]))

/** The stored text of one field's value, or the message saying what is wrong with it. */
function checkValue(
  field: ExtractionField,
  submitted: string[],
): { ok: true; value: string } | { ok: false; message: string } {
  const text = (submitted[0] ?? '').trim()
  if (text.length > MAX_VALUE_LENGTH)
    return { ok: false, message: `${field.label}: at most ${MAX_VALUE_LENGTH.toLocaleString('en')} characters.` }
  switch (field.kind) {
    case 'short_text':
      return text.includes('\n') ? { ok: false, message: `${field.label}: one line only.` } : { ok: true, value: text }
    case 'long_text':
      return { ok: true, value: text }
    case 'number': {
      const plain = text.replace(/[\s,]/g, '')
      if (plain === '') return { ok: true, value: '' }
      return /^\d{1,12}(\.\d{1,6})?$/.test(plain)
        ? { ok: true, value: String(Number(plain)) }
        : {
            ok: false,
            message: `${field.label}: enter a number, e.g. 24 (or leave it blank when the study does not report it).`,
          }
    }
    case 'single_choice':
      return text === '' || field.options.includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `${field.label}: choose one of the listed choices.` }
    case 'multiple_choice': {
      const chosen = [...new Set(submitted.map((item) => item.trim()).filter(Boolean))]
      const stranger = chosen.find((item) => !field.options.includes(item))
      if (stranger) return { ok: false, message: `${field.label}: “${stranger}” is not one of the choices.` }
      return {
        ok: true,
        value: chosen.length === 0 ? '' : JSON.stringify(field.options.filter((option) => chosen.includes(option))),
      }
    }
    case 'country': {
      const names = text
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean)
      const unknown = names.find((name) => !COUNTRY_BY_NAME.has(name.toLowerCase()))
      if (unknown)
        return {
          ok: false,
          message: `${field.label}: “${unknown}” is not a country name Weft knows; pick one from the list (several separated by “;”).`,
        }
      return { ok: true, value: names.map((name) => COUNTRY_BY_NAME.get(name.toLowerCase())!).join('; ') }
    }
  }
}

export const fieldName = (field: Pick<ExtractionField, 'id'>) => `field-${field.id}`

/**
 * The values of `fields` for one study, by field id. Every error is reported at its field; the typed
 * text comes back so the form can show it again.
 */
export function validateValues(
  fields: readonly ExtractionField[],
  body: Record<string, string[]>,
): Validated<Map<number, string>> {
  const values = new Map<number, string>()
  const errors: FieldErrors = {}
  const typed: FormValues = {}
  for (const field of fields) {
    const submitted = body[fieldName(field)] ?? []
    typed[fieldName(field)] = field.kind === 'multiple_choice' ? JSON.stringify(submitted) : (submitted[0] ?? '')
    const checked = checkValue(field, submitted)
    if (checked.ok) values.set(field.id, checked.value)
    else errors[fieldName(field)] = checked.message
  }
  return Object.keys(errors).length === 0 ? { ok: true, value: values } : { ok: false, errors, values: typed }
}
