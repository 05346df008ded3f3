/**
 * Turns submitted form fields into typed input, or into messages per field. Routes and the CLI share
 * these validators, so the browser and the shell accept and refuse exactly the same things.
 */
import type { z } from 'zod'

export type FormValues = Record<string, string>
export type FieldErrors = Record<string, string>

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors; values: FormValues }

/** Keeps only string fields (a file field has no place in these forms) with their text as typed. */
export function formValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {}
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') values[key] = value
    else if (Array.isArray(value) && typeof value[0] === 'string') values[key] = value[0]
  }
  return values
}

export function validate<S extends z.ZodType>(schema: S, values: FormValues): Validated<z.output<S>> {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, value: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    errors[field] ??= issue.message
  }
  return { ok: false, errors, values }
}

/** The first error as one line, for the CLI: "title: Enter a title". */
export function firstError(errors: FieldErrors): string {
  const [field, message] = Object.entries(errors)[0] ?? ['input', 'is not valid']
  return field === '_form' ? message : `${field}: ${message}`
}
