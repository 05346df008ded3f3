import { z } from 'zod'
import { emailField, requiredText } from './fields.ts'

export const MIN_PASSWORD_LENGTH = 10

export const passwordField = z
  .string({ error: 'Enter a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use a password of at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, 'A password has at most 200 characters.')

export const newAccountInput = z.object({
  name: requiredText('Name', 200, 'Enter your name.'),
  email: emailField,
  password: passwordField,
})
export type NewAccountInput = z.output<typeof newAccountInput>

export const signInInput = z.object({
  email: emailField,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(200, 'A password has at most 200 characters.'),
})

/** Taking up an invitation: the email is the invitation's, so only a name and a password are asked for. */
export const invitedAccountInput = newAccountInput.omit({ email: true })
