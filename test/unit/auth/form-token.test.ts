import { describe, expect, it } from 'vitest'
import { checkFormToken, FORM_TOKEN_MAX_AGE_MS, issueFormToken } from '../../../src/http/form-token.ts'

const now = new Date('2026-11-02T09:00:00Z')

describe('form tokens', () => {
  it('accepts a token issued for the same session key and gives back its nonce', () => {
    const token = issueFormToken('key-a', now)
    const check = checkFormToken('key-a', token, now)
    expect(check).toEqual({ ok: true, nonce: token.split('.')[0] })
  })

  it('issues a different nonce every time', () => {
    expect(issueFormToken('key-a', now).split('.')[0]).not.toBe(issueFormToken('key-a', now).split('.')[0])
  })

  it('refuses a token signed with another session’s key, or tampered with', () => {
    const token = issueFormToken('key-a', now)
    expect(checkFormToken('key-b', token, now)).toEqual({ ok: false, reason: 'forged' })
    const [nonce, issued, signature] = token.split('.')
    expect(checkFormToken('key-a', `${nonce}x.${issued}.${signature}`, now)).toEqual({ ok: false, reason: 'forged' })
    expect(checkFormToken('key-a', 'garbage', now)).toEqual({ ok: false, reason: 'forged' })
  })

  it('refuses a missing or expired token', () => {
    expect(checkFormToken('key-a', undefined, now)).toEqual({ ok: false, reason: 'missing' })
    const token = issueFormToken('key-a', now)
    const later = new Date(now.getTime() + FORM_TOKEN_MAX_AGE_MS + 1)
    expect(checkFormToken('key-a', token, later)).toEqual({ ok: false, reason: 'expired' })
  })
})
