/**
 * Form tokens: every form a signed-in person gets carries `_csrf = nonce.issuedAt.signature`, signed with
 * a key of their session. The signature stops cross-site forgery (together with the Origin check); the
 * nonce, claimed when the form is submitted, stops the same form being applied twice.
 */
import { constantTimeEqual, hmac, randomToken } from '../auth/tokens.ts'

export const FORM_TOKEN_FIELD = '_csrf'
export const FORM_TOKEN_HEADER = 'x-csrf-token'
export const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000

export function issueFormToken(formKey: string, now: Date): string {
  const nonce = randomToken(12)
  const issuedAt = now.getTime().toString(36)
  return `${nonce}.${issuedAt}.${hmac(formKey, `${nonce}.${issuedAt}`)}`
}

export type FormTokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'missing' | 'forged' | 'expired' }

export function checkFormToken(formKey: string, token: string | undefined, now: Date): FormTokenCheck {
  if (!token) return { ok: false, reason: 'missing' }
  const [nonce, issuedAt, signature] = token.split('.')
  if (!nonce || !issuedAt || !signature) return { ok: false, reason: 'forged' }
  if (!constantTimeEqual(signature, hmac(formKey, `${nonce}.${issuedAt}`))) return { ok: false, reason: 'forged' }
  const age = now.getTime() - Number.parseInt(issuedAt, 36)
  if (!(age >= -60_000 && age <= FORM_TOKEN_MAX_AGE_MS)) return { ok: false, reason: 'expired' }
  return { ok: true, nonce }
}
