/** The eMERGe / ENTREQ form: a location and notes per item, fields `location-<n>` and `notes-<n>`. */
import { MAX_LOCATION_LENGTH, MAX_NOTES_LENGTH } from '../domain/reporting/vocabulary.ts'
import type { FieldErrors, FormValues, Validated } from './form.ts'

export type ChecklistAnswers = Map<number, { location: string; notes: string }>

export function checklistAnswersFrom(values: FormValues, itemCount: number): Validated<ChecklistAnswers> {
  const answers: ChecklistAnswers = new Map()
  const errors: FieldErrors = {}
  for (let item = 1; item <= itemCount; item++) {
    const location = (values[`location-${item}`] ?? '').trim()
    const notes = (values[`notes-${item}`] ?? '').trim()
    if (location.length > MAX_LOCATION_LENGTH)
      errors[`location-${item}`] = `Item ${item}: the location must be at most ${MAX_LOCATION_LENGTH} characters.`
    if (notes.length > MAX_NOTES_LENGTH)
      errors[`notes-${item}`] =
        `Item ${item}: the notes must be at most ${MAX_NOTES_LENGTH.toLocaleString('en')} characters.`
    answers.set(item, { location, notes })
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, value: answers }
}
