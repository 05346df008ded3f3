/**
 * One refusal path for every form (src/http/form-action.ts): the demo review's owner posts every form
 * route of the app (read from the Hono route table, so a form added later is posted too) with nothing
 * filled in, once as a plain browser post and once as htmx swaps it. A refusal is 422 (a field refused)
 * or 409 (the state of things refuses it), the form again in the layout with its message without
 * JavaScript, and only the fragment with the same status for htmx; never a bare 400 or an error.
 */
import { describe, expect, it } from 'vitest'
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts'
import { Agent, TEST_HASHER, testWeft, type TestWeft } from '../support/app.ts'
import { HTMX_PARTIAL } from '../support/screening.ts'

/** Uploads take multipart bodies and have their own path (src/http/upload.ts). */
const UPLOADS = [/\/imports$/, /\/screening\/import$/, /\/retrieved$/]

const LAYOUT = /<!DOCTYPE html>|<html|class="site-header"/
/** How a refusal shows: the error summary, a message at its field, or a refused notice in a panel. */
const MESSAGE =
  /class="(error-summary|error-message|field-error|notice|notice refused|refusals|problems|flash)"|role="alert"/

async function demo(): Promise<{ weft: TestWeft; owner: Agent }> {
  const weft = testWeft()
  await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
  const owner = new Agent(weft)
  await owner.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
  return { weft, owner }
}

/** Every form route, its parameters filled with ids that do not exist unless the form needs none. */
function formUrls(weft: TestWeft): string[] {
  const urls = new Set<string>()
  for (const route of weft.app.routes) {
    // Signing out would end the walk.
    if (route.method !== 'POST' || route.path === '/sign-out' || UPLOADS.some((upload) => upload.test(route.path)))
      continue
    urls.add(
      route.path
        .replace(':slug', 'link-workers')
        .replace(':stage', 'title-abstract')
        .replace(/:checklist/, 'emerge')
        .replace(/:token/, 'not-a-token')
        .replace(/:[A-Za-z]+/g, '1'),
    )
  }
  return [...urls]
}

describe('a refused form', () => {
  it('answers 422 or 409 with the form and its message, in the layout or as the fragment', async () => {
    const plain = await demo()
    const htmx = await demo()
    const wrong: string[] = []
    const refused = new Map<string, number>()
    for (const url of formUrls(plain.weft)) {
      const answer = await plain.owner.post(url, {})
      const body = await answer.text()
      if (answer.status === 400 || answer.status >= 500) wrong.push(`${url}: ${answer.status}`)
      if (answer.status !== 409 && answer.status !== 422) continue
      refused.set(url, answer.status)
      if (!body.includes('class="site-header"')) wrong.push(`${url}: ${answer.status} without the layout`)
      if (!MESSAGE.test(body)) wrong.push(`${url}: ${answer.status} without a message`)
      const swapped = await htmx.owner.post(url, {}, { headers: HTMX_PARTIAL })
      const fragment = await swapped.text()
      if (swapped.status !== answer.status) wrong.push(`${url} (htmx): ${swapped.status}, not ${answer.status}`)
      if (LAYOUT.test(fragment)) wrong.push(`${url} (htmx): the layout came with the fragment`)
      if (!MESSAGE.test(fragment)) wrong.push(`${url} (htmx): without a message`)
    }
    expect(wrong).toEqual([])
    // Most forms have a field to refuse when it comes empty; a few refuse for the state of things.
    expect([...refused.values()].filter((status) => status === 422).length).toBeGreaterThan(40)
    expect([...refused.values()]).toContain(409)
  })
})
