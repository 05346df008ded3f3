/**
 * Appraisal and extraction in Chromium: two reviewers appraise one study blind and reach a consensus, then
 * a quote and a construct are extracted inline (htmx swaps the panel; keyboard submit). The included
 * study is made the way screening leaves one (test/support/included-studies.ts) before the server starts.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { DEMO_REVIEW } from '../../src/demo/link-worker-review.ts'
import { startServer } from '../../src/server.ts'
import { addMember } from '../../src/store/memberships.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createUser } from '../../src/store/users.ts'
import { launchBrowser, pageProblems, screenshotPath } from '../support/browser.ts'
import { addIncludedStudies } from '../support/included-studies.ts'

const PASSWORD = 'correct horse battery staple'
const PEOPLE = { ada: 'ada@example.org', ben: 'ben@example.org' }

let browser: Browser
let baseURL = ''
let stop: () => void = () => {}
let dir = ''
let studyUrl = ''
let constructsUrl = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'weft-e2e-appraisal-'))
  const dbPath = join(dir, 'weft.db')
  const db = openDatabase(dbPath)
  const ada = await createUser(db, { email: PEOPLE.ada, name: 'Ada Owner', password: PASSWORD }, null)
  await createUser(db, { email: PEOPLE.ben, name: 'Ben Reviewer', password: PASSWORD }, null)
  const review = createReview(db, DEMO_REVIEW, { ownerId: ada.id, actorId: ada.id })
  addMember(db, review.id, PEOPLE.ben, 'reviewer', ada.id)
  const [studyId] = addIncludedStudies(db, review.id, [{ label: 'Moffatt 2017' }])
  db.$client.close()
  studyUrl = `/reviews/${DEMO_REVIEW.slug}/appraisal/${studyId}`
  constructsUrl = `/reviews/${DEMO_REVIEW.slug}/studies/${studyId}/constructs`
  const server = await startServer({ dbPath, port: 0, hostname: '127.0.0.1', demo: false, log: () => {} })
  baseURL = `http://127.0.0.1:${server.port}`
  stop = server.stop
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  stop()
  await rm(dir, { recursive: true, force: true })
})

async function signedInTab(email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const problems = pageProblems(page)
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/reviews')
  return { context, page, problems }
}

/** Answers every CASP question Yes, except the given ones, inside the form `scope` (own sheet or consensus). */
async function answerAll(page: Page, prefix: string, overrides: Record<string, string> = {}) {
  for (let n = 1; n <= 10; n++) {
    const item = page.locator(`#${prefix}field-answer-q${n}`)
    await item.getByLabel(overrides[`q${n}`] ?? 'Yes', { exact: true }).check()
  }
}

describe('appraisal and extraction in the browser', () => {
  it('appraises one study as two reviewers, blind, and reaches consensus on the item they differ on', async () => {
    const ada = await signedInTab(PEOPLE.ada)
    await ada.page.goto(`/reviews/${DEMO_REVIEW.slug}`)
    await ada.page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Appraisal' }).click()
    await ada.page.waitForURL('**/appraisal')
    await ada.page.getByRole('link', { name: 'Moffatt 2017' }).click()
    await ada.page.waitForURL(`**${studyUrl}`)
    await answerAll(ada.page, '', { q6: 'Can’t tell' })
    await ada.page.getByLabel('Comment on 6').fill('ADA-PRIVATE: reflexivity mentioned once')
    await ada.page.getByRole('button', { name: 'Finish appraisal' }).click()
    await expect.poll(() => ada.page.getByRole('status').first().textContent()).toContain('Appraisal finished.')

    const ben = await signedInTab(PEOPLE.ben)
    await ben.page.goto(studyUrl)
    await ben.page.getByRole('heading', { name: 'Appraise this study' }).waitFor()
    expect(await ben.page.content()).not.toContain('ADA-PRIVATE')
    await answerAll(ben.page, '', { q6: 'No' })
    await ben.page.getByRole('button', { name: 'Finish appraisal' }).click()
    await ben.page.getByRole('heading', { name: 'Comparison and consensus' }).waitFor()
    expect(await ben.page.getByText('The appraisers differ on 1 of 10 questions').count()).toBe(1)
    expect(await ben.page.content()).toContain('ADA-PRIVATE')
    await expect.poll(() => ben.page.locator('#consensus-field-answer-q6').getAttribute('class')).toContain('differs')
    expect(await ben.page.locator('#consensus-field-answer-q1').getByLabel('Yes', { exact: true }).isChecked()).toBe(
      true,
    )
    expect(await ben.page.locator('#consensus-field-answer-q6 input:checked').count()).toBe(0)
    await ben.page.screenshot({ path: screenshotPath('weft-appraisal-consensus.png'), fullPage: true })

    await ben.page.locator('#consensus-field-answer-q6').getByLabel('Can’t tell', { exact: true }).check()
    await ben.page.getByRole('button', { name: 'Save consensus' }).click()
    await expect
      .poll(() => ben.page.locator('.consensus-recorded').textContent())
      .toContain('Consensus recorded by Ben Reviewer')

    await ada.page.goto(`/reviews/${DEMO_REVIEW.slug}/appraisal`)
    const row = ada.page.locator('table.appraisal-matrix tbody tr').first()
    expect(await row.locator('td.mark').allTextContents()).toEqual(['Y', 'Y', 'Y', 'Y', 'Y', '?', 'Y', 'Y', 'Y', 'Y'])

    expect(ada.problems).toEqual([])
    expect(ben.problems).toEqual([])
    await ada.context.close()
    await ben.context.close()
  })

  it('extracts a quote with Ctrl+Enter and a construct linked to it, without leaving the page', async () => {
    const { context, page, problems } = await signedInTab(PEOPLE.ben)
    await page.goto(constructsUrl)
    // How each post was sent: 'fetch' is htmx swapping the panel in place, 'document' a full page load.
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.resourceType())
    })

    await page.locator('#new-quote-quote').fill('Some days I am holding the whole system together.')
    await page.locator('#new-quote-page').fill('6')
    await page.locator('#new-quote-participant').fill('LW4')
    await page.locator('#new-quote-quote').press('Control+Enter')
    await expect
      .poll(() => page.locator('.construct-item blockquote').first().textContent())
      .toBe('Some days I am holding the whole system together.')
    // The next quote can be typed at once: the emptied quote box has the focus again.
    await expect
      .poll(() => page.locator('#new-quote-quote').evaluate((box) => box.ownerDocument.activeElement === box))
      .toBe(true)

    await page.locator('#new-construct-label').fill('Holding the system together')
    await page.locator('#new-construct-description').fill('Link workers absorb the gaps between services.')
    await page.getByLabel(/Q1 “Some days/).check()
    await page.locator('#new-construct-label').press('Enter')
    await page.locator('.construct-label').first().waitFor()
    expect(await page.locator('.construct-label').first().textContent()).toBe('Holding the system together')
    expect(await page.locator('.linked-quotes li').first().textContent()).toContain('Q1')
    expect(await page.locator('.item-meta').first().textContent()).toContain('supports C1')
    expect(posts).toEqual(['fetch', 'fetch'])
    await page.screenshot({ path: screenshotPath('weft-constructs.png'), fullPage: true })

    await page.goto(`/reviews/${DEMO_REVIEW.slug}/constructs?q=system`)
    await expect.poll(() => page.locator('table.construct-listing tbody tr').count()).toBe(2)

    expect(problems).toEqual([])
    await context.close()
  })
})
