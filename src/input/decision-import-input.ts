/**
 * What the screening-decisions import takes from the shell and the browser besides the file itself:
 * the map from Rayyan's reviewer names to members' emails. The store checks that each email is a
 * reviewer of the review and that every Rayyan name is mapped.
 */
import { emailField } from './fields.ts'
import type { FieldErrors } from './form.ts'

/** A decisions CSV is a few bytes per vote: 20 MB holds several hundred thousand. */
export const MAX_DECISION_FILE_BYTES = 20 * 1024 * 1024

/** More Rayyan reviewers than any team has: a longer mapping is not a form Weft sent. */
export const MAX_RAYYAN_NAMES = 200

export type ReviewerMap = Map<string, string>

export type ReviewerMapResult = { ok: true; value: ReviewerMap } | { ok: false; error: string }

/** `--reviewer-map "Alice=alice@x.org,Bob=bob@y.org"`: a name may contain spaces, not "=" or ",". */
export function reviewerMapFromText(text: string | undefined): ReviewerMapResult {
  const pairs = (text ?? '').split(',').filter((pair) => pair.trim() !== '')
  if (pairs.length === 0)
    return { ok: false, error: 'missing --reviewer-map "Rayyan name=email,…" (one pair for each Rayyan reviewer)' }
  const map: ReviewerMap = new Map()
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=')
    const name = pair.slice(0, Math.max(at, 0)).trim()
    if (at < 0 || name === '') return { ok: false, error: `--reviewer-map: “${pair.trim()}” is not Name=email` }
    const email = emailField.safeParse(pair.slice(at + 1))
    if (!email.success)
      return {
        ok: false,
        error: `--reviewer-map: “${pair.slice(at + 1).trim()}” (for ${name}) is not an email address`,
      }
    if (map.has(name)) return { ok: false, error: `--reviewer-map: “${name}” is mapped twice` }
    map.set(name, email.data)
  }
  return { ok: true, value: map }
}

/**
 * The browser's mapping step: the Rayyan names (hidden fields, as the page listed them) and the email
 * chosen for each, in the same order. Errors are keyed `email-<index>`, the id of each select.
 */
export function reviewerMapFromForm(
  names: string[],
  emails: string[],
): { ok: true; value: ReviewerMap } | { ok: false; errors: FieldErrors } {
  if (names.length === 0 || names.length !== emails.length || names.length > MAX_RAYYAN_NAMES) {
    return {
      ok: false,
      errors: { _form: 'The reviewer mapping arrived incomplete. Open the import page again and map each name.' },
    }
  }
  const errors: FieldErrors = {}
  const map: ReviewerMap = new Map()
  names.forEach((name, index) => {
    const email = emailField.safeParse(emails[index] ?? '')
    if (email.success) map.set(name, email.data)
    else errors[`email-${index}`] = `Choose the member who is “${name}” in Rayyan.`
  })
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: map }
}
