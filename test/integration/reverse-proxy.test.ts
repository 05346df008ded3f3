/**
 * Weft behind a reverse proxy that terminates https (README, "Running Weft for a team"): the proxy passes
 * Host and X-Forwarded-Proto; the browser's Origin is the https address people type.
 */
import { describe, expect, it } from 'vitest'
import { addAccount, PASSWORD, testWeft } from '../support/app.ts'

const PUBLIC = 'https://weft.example.org'

function signInThroughProxy(weft: ReturnType<typeof testWeft>, origin: string) {
  return weft.app.request('http://weft.example.org/sign-in', {
    method: 'POST',
    body: new URLSearchParams({ email: 'reviewer@example.org', password: PASSWORD }),
    // An older browser sends no Sec-Fetch-Site: the Origin alone must be enough.
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'x-forwarded-proto': 'https' },
  })
}

describe('behind an https reverse proxy', () => {
  it('accepts a form posted from the public https address, and marks the session cookie Secure', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    const response = await signInThroughProxy(weft, PUBLIC)
    expect(response.status).toBe(303)
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('still refuses a form posted from another site', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    expect((await signInThroughProxy(weft, 'https://evil.example.com')).status).toBe(403)
    expect((await signInThroughProxy(weft, 'http://weft.example.org.evil.example.com')).status).toBe(403)
  })
})
