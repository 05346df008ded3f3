import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { reports, reviews } from '../../db/schema.ts'
import { minimalPdf } from '../../src/demo/retrieval-demo.ts'
import { storeFullText } from '../../src/files/full-texts.ts'
import { issueFormToken } from '../../src/http/form-token.ts'
import { Agent, reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'
import { appraisalTeam } from '../support/included-studies.ts'

describe('cross-site request forgery', () => {
  it('refuses a form post from another site, with a page that says why', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const response = await agent.post(
      '/reviews',
      { title: 'Forged', slug: 'forged' },
      { headers: { origin: 'https://evil.example' } },
    )
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('it did not come from a Weft page')
    expect(weft.db.select().from(reviews).all()).toHaveLength(0)
  })

  it('refuses a signed-in form post without its form token', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const response = await agent.post('/reviews', { title: 'No token', slug: 'no-token' }, { token: false })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('This form has no security token')
    expect(weft.db.select().from(reviews).all()).toHaveLength(0)
  })

  it('refuses a form token made for another session', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const forged = issueFormToken('some other session key', weft.clock.now)
    const response = await agent.post('/reviews', { title: 'Forged', slug: 'forged' }, { token: forged })
    expect(response.status).toBe(403)
    expect(weft.db.select().from(reviews).all()).toHaveLength(0)
  })

  it('applies a double-submitted form once and says so the second time', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const token = agent.formToken() as string
    const fields = { title: 'Once only', slug: 'once-only' }
    const [first, second] = await Promise.all([
      agent.post('/reviews', fields, { token }),
      agent.post('/reviews', fields, { token }),
    ])
    expect([first.status, second.status].sort()).toEqual([303, 409])
    const refused = first.status === 409 ? first : second
    expect(await refused.text()).toContain('This form was already submitted')
    expect(weft.db.select().from(reviews).all()).toHaveLength(1)
  })

  it('sends a form submitted again from a stale page back to that page as it stands, saying so', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const token = agent.formToken() as string
    const fields = { title: 'Once only', slug: 'once-only' }
    expect((await agent.post('/reviews', fields, { token })).status).toBe(303)
    const again = await agent.post('/reviews', fields, { token, headers: { referer: 'http://localhost/reviews/new' } })
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe('/reviews/new')
    const page = await (await agent.get('/reviews/new')).text()
    expect(page).toContain('This form was already used, so nothing was changed; here is the page as it stands.')
    expect(weft.db.select().from(reviews).all()).toHaveLength(1)
  })

  it('lets a form that failed validation be corrected and sent with the same token', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const token = agent.formToken() as string
    expect((await agent.post('/reviews', { title: '', slug: 'fixed' }, { token })).status).toBe(422)
    expect((await agent.post('/reviews', { title: 'Fixed', slug: 'fixed' }, { token })).status).toBe(303)
  })

  it('refuses a form more than a day old', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const token = agent.formToken() as string
    weft.clock.advance(25 * 60 * 60 * 1000)
    const response = await agent.post('/reviews', { title: 'Stale', slug: 'stale' }, { token })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('more than a day old')
  })

  it('puts a fresh form token in every form of a page', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const slug = await reviewOwnedBy(owner)
    const html = await (await owner.get(`/reviews/${slug}/members`)).text()
    const tokens = [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((match) => match[1])
    expect(tokens.length).toBeGreaterThanOrEqual(3)
    expect(new Set(tokens).size).toBe(tokens.length)
  })
})

describe('secure headers', () => {
  it('sends a same-origin Content-Security-Policy and forbids framing', async () => {
    const response = await new Agent(testWeft()).get('/sign-in')
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('lets Weft’s own pages frame a review’s full text, for its members, and nothing else', async () => {
    const team = await appraisalTeam([{ label: 'Moffatt 2017' }])
    const stored = storeFullText(team.weft.filesDir!, minimalPdf(['Moffatt 2017']))
    const report = team.weft.db.select().from(reports).where(eq(reports.studyId, team.studyIds[0]!)).get()!
    team.weft.db
      .update(reports)
      .set({ fileSha256: stored.sha256, fileName: 'moffatt.pdf', fileSize: stored.sizeBytes })
      .where(eq(reports.recordId, report.recordId))
      .run()
    const fileUrl = `/reviews/${team.slug}/reports/${report.recordId}/file`
    const frameAncestors = (response: Response) =>
      response.headers.get('content-security-policy')?.match(/frame-ancestors ([^;]+)/)?.[1]

    const file = await team.viewer.get(fileUrl)
    expect(file.status).toBe(200)
    expect(frameAncestors(file)).toBe("'self'")
    for (const page of [
      `/reviews/${team.slug}/studies/${team.studyIds[0]}/constructs`,
      `/reviews/${team.slug}/reports/${report.recordId}`,
      `${fileUrl}/x`,
      '/sign-in',
    ]) {
      expect(frameAncestors(await team.viewer.get(page)), page).toBe("'none'")
    }
    const outsider = await signedIn(team.weft, 'outsider@example.org')
    expect((await outsider.get(fileUrl)).status).toBe(403)
    const signedOut = await new Agent(team.weft).get(fileUrl)
    expect(signedOut.status).toBe(303)
  })

  it('serves htmx from the app itself at a versioned URL that may be cached forever', async () => {
    const weft = testWeft()
    const page = await (await new Agent(weft).get('/setup')).text()
    const src = page.match(/src="(\/assets\/htmx-[\d.]+\.min\.js)"/)?.[1]
    expect(src).toBe('/assets/htmx-4.0.1.min.js')
    const script = await weft.app.request(src!)
    expect(script.status).toBe(200)
    expect(script.headers.get('cache-control')).toContain('immutable')
    expect((await script.text()).length).toBeGreaterThan(10_000)
  })
})

describe('pages that do not exist', () => {
  it('answers an unknown address with a 404 page in the layout', async () => {
    const response = await new Agent(testWeft()).get('/no/such/page')
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('<main')
  })

  it('answers an htmx partial request with just the message', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const response = await owner.get('/reviews/nowhere', { 'HX-Request': 'true', 'HX-Request-Type': 'partial' })
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).not.toContain('<html')
    expect(html).toContain('There is no review at /reviews/nowhere.')
  })
})

describe('htmx form posts', () => {
  it('keeps the address bar on the form when a boosted post is refused', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'owner@example.org')
    const response = await agent.post('/reviews', { title: '', slug: 'x' }, { headers: { 'HX-Request': 'true' } })
    expect(response.status).toBe(422)
    expect(response.headers.get('HX-Push-Url')).toBe('false')
  })
})
