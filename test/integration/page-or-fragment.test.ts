/**
 * Every page is drawn whole for a browser and as a fragment for an htmx partial request, and one place
 * decides which (src/http/render.tsx): the demo review's owner walks every GET route of the app (read
 * from the Hono route table, so a page added later is walked too), once plainly and once as htmx 4 asks
 * for a swap (`HX-Request-Type: partial`).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts'
import { Agent, TEST_HASHER, testWeft, type TestWeft } from '../support/app.ts'
import { walkedUrls } from '../support/route-walk.ts'
import { HTMX_PARTIAL } from '../support/screening.ts'

/** Answers that are never a page in the layout: what a page polls for, and documents of their own. */
const NOT_IN_THE_LAYOUT = [
  /\/screening\/[a-z-]+\/progress$/,
  /\/imports(\/\d+)?\/deduplication$/,
  /\/imports\/uploads\/[^/]+$/,
  /\/report\/print$/,
  // HTML exports: a document to save or print, with its own <html>.
  /[./]html$|[?&]format=html/,
]

const LAYOUT = /<!DOCTYPE html>|<html|class="site-header"/

const weft: TestWeft = testWeft()
const owner = new Agent(weft)

beforeAll(async () => {
  await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
  await owner.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
})

async function html(url: string, headers: Record<string, string> = {}) {
  const response = await owner.get(url, headers)
  const type = response.headers.get('content-type') ?? ''
  return { status: response.status, isHtml: type.startsWith('text/html'), body: await response.text() }
}

describe('a page or its fragment', () => {
  it('is the whole page in the layout for a browser and only the fragment for an htmx partial request', async () => {
    const wrong: string[] = []
    let pages = 0
    for (const url of walkedUrls(weft, 'link-workers')) {
      const full = await html(url)
      if (!full.isHtml || NOT_IN_THE_LAYOUT.some((pattern) => pattern.test(url))) continue
      if (!full.body.includes('class="site-header"')) wrong.push(`${url}: ${full.status} without the layout`)
      const partial = await html(url, HTMX_PARTIAL)
      if (partial.status !== full.status) wrong.push(`${url}: ${full.status} whole but ${partial.status} as a fragment`)
      if (LAYOUT.test(partial.body)) wrong.push(`${url} (htmx): the layout came with the fragment`)
      if (partial.body.trim() === '') wrong.push(`${url} (htmx): an empty fragment`)
      pages++
    }
    expect(wrong).toEqual([])
    expect(pages).toBeGreaterThan(60)
  })

  it('is an error page in the layout, or only the message for htmx', async () => {
    const full = await html('/reviews/link-workers/nowhere')
    expect(full.status).toBe(404)
    expect(full.body).toMatch(LAYOUT)
    expect(full.body).toContain('Page not found')
    const partial = await html('/reviews/link-workers/nowhere', HTMX_PARTIAL)
    expect(partial.status).toBe(404)
    expect(partial.body).not.toMatch(LAYOUT)
    expect(partial.body).toContain('Page not found')
  })

  it('lets a boosted page load (htmx asking for the full page) have the layout', async () => {
    const boosted = await html('/reviews/link-workers/protocol', { 'HX-Request': 'true', 'HX-Request-Type': 'full' })
    expect(boosted.body).toMatch(LAYOUT)
  })
})
