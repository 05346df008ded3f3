/**
 * Extracted values: how each kind of field is stored (always as text), read back, and compared when two
 * reviewers extracted the same study, and which value the characteristics table shows.
 */
import type { FieldKind } from './fields.ts'

/** The parts of a stored value: the chosen options of a multiple-choice field, the countries, or the text. */
export function valueParts(kind: FieldKind, stored: string): string[] {
  if (stored === '') return []
  if (kind === 'multiple_choice') {
    const parsed: unknown = JSON.parse(stored)
    return Array.isArray(parsed) ? parsed.map(String) : [stored]
  }
  if (kind === 'country')
    return stored
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
  return [stored]
}

/** How a stored value reads in a table or a CSV cell. */
export function displayValue(kind: FieldKind, stored: string): string {
  return valueParts(kind, stored).join('; ')
}

function folded(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
}

/**
 * Whether two extractors recorded the same thing: numbers by value, choices and countries as sets, text
 * ignoring case and spacing (a discrepancy worth a discussion is one of substance, not of typing).
 */
export function valuesAgree(kind: FieldKind, first: string, second: string): boolean {
  if (kind === 'number')
    return first.trim() !== '' && second.trim() !== ''
      ? Number(first) === Number(second)
      : first.trim() === second.trim()
  if (kind === 'multiple_choice' || kind === 'country') {
    const a = new Set(valueParts(kind, first).map(folded))
    const b = new Set(valueParts(kind, second).map(folded))
    return a.size === b.size && [...a].every((part) => b.has(part))
  }
  return folded(first) === folded(second)
}

export type SettledValue =
  { state: 'settled'; value: string; by: 'consensus' | 'agreement' } | { state: 'discrepant' } | { state: 'waiting' }

/**
 * The value a dual-extracted field settles on: the recorded consensus; otherwise, once at least two
 * reviewers have extracted the study, their value when all agree (both leaving it blank is agreeing that
 * the study does not report it); otherwise a discrepancy, or a wait for the second extractor.
 *
 * @param extracted one value per reviewer who saved their extraction of the study ('' when left blank)
 */
export function settledValue(kind: FieldKind, extracted: readonly string[], consensus: string | null): SettledValue {
  if (consensus !== null) return { state: 'settled', value: consensus, by: 'consensus' }
  const [first, ...others] = extracted
  if (first === undefined || others.length === 0) return { state: 'waiting' }
  if (others.every((value) => valuesAgree(kind, first, value)))
    return { state: 'settled', value: first, by: 'agreement' }
  return { state: 'discrepant' }
}
