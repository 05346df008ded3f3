import { z } from 'zod'

/** Trimmed text of at most `max` characters; `label` names the field in the message. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim())
    .pipe(z.string().max(max, `${label} must be at most ${max.toLocaleString('en')} characters.`))
}

export function requiredText(label: string, max: number, missing: string) {
  return z
    .string({ error: missing })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, missing)
        .max(max, `${label} must be at most ${max.toLocaleString('en')} characters.`),
    )
}

export const emailField = z
  .string({ error: 'Enter an email address.' })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Enter an email address.')
      .max(254, 'An email address has at most 254 characters.')
      .email('Enter an email address like name@example.org.'),
  )

/** An HTML checkbox sends its value when ticked and nothing when not. */
export const checkboxField = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true' || value === '1')

export function choiceField<const T extends readonly [string, ...string[]]>(choices: T, message: string) {
  return z.enum(choices, { error: message })
}

/** A whole number of things, 0 or more; an empty box means 0. */
export function countField(label: string) {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim() || '0')
    .pipe(z.string().regex(/^\d{1,7}$/, `${label}: enter a whole number (0 or more).`))
    .transform(Number)
}
