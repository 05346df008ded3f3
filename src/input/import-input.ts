import { z } from 'zod'
import {
  isFormatName,
  MAPPED_FIELDS,
  type ColumnMapping,
  type FormatName,
  type MappedField,
} from '../domain/formats/index.ts'
import { SOURCE_KINDS } from '../domain/vocabulary.ts'
import { checkboxField, choiceField, optionalText } from './fields.ts'
import type { FieldErrors } from './form.ts'

/** The upload form's own fields; which source `sourceId` names is the route's to look up. */
export const importFormInput = z.object({
  sourceId: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim()),
  sourceName: optionalText('Source name', 200),
  sourceKind: z
    .string()
    .optional()
    .transform((value) => value || 'database')
    .pipe(choiceField(SOURCE_KINDS, 'Choose what kind of source this is.')),
  format: z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || isFormatName(value), 'Choose a format from the list, or “Detect from content”.')
    .transform((value) => (value === '' ? undefined : (value as FormatName))),
  force: checkboxField,
  /** The person confirmed that this source's records skip title/abstract screening (other methods). */
  confirmOtherMethods: checkboxField,
})
export type ImportFormInput = z.output<typeof importFormInput>

const MAX_MAPPED_COLUMNS = 1000

/**
 * The column mapping sent back by the mapping step (one select per unknown header), or the errors that
 * stop it: a mismatched or oversized list, a field Weft does not know, or no column for the title.
 */
export function readColumnMapping(headers: string[], fields: string[], errors: FieldErrors): ColumnMapping | undefined {
  if (headers.length === 0 && fields.length === 0) return undefined
  if (headers.length !== fields.length || headers.length > MAX_MAPPED_COLUMNS) {
    errors['_form'] = 'The column mapping arrived incomplete. Start again from the import page.'
    return undefined
  }
  const allowed: readonly string[] = [...MAPPED_FIELDS, 'ignore']
  fields.forEach((field, i) => {
    if (!allowed.includes(field)) errors[`map-${i}`] = 'Choose one of the fields in the list, or “Ignore this column”.'
  })
  if (!fields.includes('title') && Object.keys(errors).length === 0)
    errors['_form'] = 'Choose which column holds the title.'
  return Object.fromEntries(headers.map((header, i) => [header, fields[i] as MappedField | 'ignore']))
}

/** Where the next "field=" of a --map value starts: header names may hold commas ("Authors, Primary"). */
const NEXT_PAIR = new RegExp(`,\\s*(?=(?:${[...MAPPED_FIELDS, 'ignore'].join('|')})\\s*=)`)

/**
 * `weft import --map "title=Article Title,authors=Author Full Names,…"`: the CLI's column mapping, read
 * as field=column pairs (a field may take several columns, as keywords do). A column the file lacks is
 * the parser's to report, with the file's own columns.
 */
export function readMapOption(value: string): { ok: true; value: ColumnMapping } | { ok: false; error: string } {
  const mapping: Record<string, MappedField | 'ignore'> = {}
  const allowed: readonly string[] = [...MAPPED_FIELDS, 'ignore']
  for (const pair of value.split(NEXT_PAIR)) {
    if (pair.trim() === '') continue
    const equals = pair.indexOf('=')
    const field = (equals === -1 ? pair : pair.slice(0, equals)).trim()
    const column = equals === -1 ? '' : pair.slice(equals + 1).trim()
    if (!allowed.includes(field))
      return { ok: false, error: `--map: “${field}” is not a field; use ${MAPPED_FIELDS.join(', ')} or ignore` }
    if (column === '') return { ok: false, error: `--map: “${field}=” names no column` }
    mapping[column] = field as MappedField | 'ignore'
  }
  if (!Object.values(mapping).includes('title'))
    return { ok: false, error: '--map: say which column holds the title, e.g. --map "title=Article Title,…"' }
  return { ok: true, value: mapping }
}
