/**
 * The full-text card after a refused vote: Exclude without a reason is refused ("Choose the reason for
 * excluding this report"), and the next valid vote both stores and moves on to the next report of the
 * queue, as every other vote does. Real Chromium, real server.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { markRetrieved } from '../../src/store/reports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { castVote } from '../../src/store/screening-votes.ts'
import { createUser } from '../../src/store/users.ts'
import { launchBrowser, pageProblems, screenshotPath, startWeft, type RunningWeft } from '../support/browser.ts'
import { importCitations } from '../support/screening-state.ts'

const PASSWORD = 'full text by the card'
const EMAIL = 'solo@e2e.org'

let browser: Browser
let weft: RunningWeft

/** One reviewer per record; three reports included at title/abstract and retrieved. */
async function setUpReview(dbPath: string) {
  const db = openDatabase(dbPath)
  const owner = await createUser(db, { email: EMAIL, name: 'Solo Screener', password: PASSWORD }, null)
  const review = createReview(
    db,
    reviewInput.parse({ title: 'Full-text card', slug: 'ft', reviewersPerRecord: '1', blindScreening: 'on' }),
    { ownerId: owner.id, actorId: null },
  )
  const ids = importCitations(
    db,
    review.id,
    { name: 'MEDLINE', kind: 'database' },
    ['Alpha report', 'Beta report', 'Gamma report'].map((title) => ({ title, authors: ['Author, A.'], year: 2020 })),
  )
  const at = new Date()
  for (const id of ids) {
    castVote(db, {
      reviewId: review.id,
      recordId: id,
      stage: 'title_abstract',
      reviewerId: owner.id,
      verdict: 'include',
      reasonId: null,
      note: '',
      via: 'web',
      at,
    })
    markRetrieved(db, { reviewId: review.id, recordId: id, actorId: owner.id, now: at })
  }
  db.$client.close()
}

async function recordShown(page: Page): Promise<string> {
  const action = (await page.locator('form.vote-form').getAttribute('action')) ?? ''
  return action.match(/records\/(\d+)\/vote/)?.[1] ?? ''
}

beforeAll(async () => {
  browser = await launchBrowser()
  weft = await startWeft({ demo: false })
  await setUpReview(weft.dbPath)
})

afterAll(async () => {
  await weft?.stop()
  await browser?.close()
})

describe('the full-text card after a refused exclusion', () => {
  it('moves on to the next report once the reason is chosen and the vote is stored', async () => {
    const context = await browser.newContext({ baseURL: weft.baseURL })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    const problems = pageProblems(page)
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(EMAIL)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/reviews')

    await page.goto('/reviews/ft/screening/full-text')
    const first = await recordShown(page)
    expect(first).not.toBe('')
    await page.getByRole('button', { name: 'Exclude' }).click()
    await page.getByText('Choose the reason for excluding this report.').waitFor()
    expect(await recordShown(page)).toBe(first)

    await page.getByLabel('Reason (needed to exclude)').selectOption({ label: 'Wrong population' })
    await page.getByRole('button', { name: 'Exclude' }).click()
    await page
      .locator('.notice[data-announce]')
      .filter({ hasText: `record ${first}.` })
      .waitFor()
    await page.screenshot({ path: screenshotPath('full-text-card-after-refusal.png') })
    await expect.poll(() => recordShown(page)).not.toBe(first)
    expect(problems).toEqual([])
    await context.close()
  })
})
