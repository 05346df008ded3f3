/**
 * Two reviewers screen the same records in blind dual mode, by keyboard alone; they disagree on one,
 * and the third reviewer resolves that conflict, also by keyboard. Real Chromium, real server.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { addMember } from '../../src/store/memberships.ts'
import { createReview } from '../../src/store/reviews.ts'
import { setThirdReviewer } from '../../src/store/screening-allocation.ts'
import { createSource } from '../../src/store/sources.ts'
import { createUser } from '../../src/store/users.ts'
import { launchBrowser, pageProblems, startWeft, type RunningWeft } from '../support/browser.ts'
import { risRecords } from '../support/screening.ts'

const PASSWORD = 'screening by keyboard'
const PEOPLE = {
  owner: { email: 'owner@e2e.org', name: 'Olive Owner' },
  alex: { email: 'alex@e2e.org', name: 'Alex Reviewer' },
  bea: { email: 'bea@e2e.org', name: 'Bea Reviewer' },
  cam: { email: 'cam@e2e.org', name: 'Cam Third' },
}

let browser: Browser
let weft: RunningWeft

async function setUpReview(dbPath: string) {
  const db = openDatabase(dbPath)
  const ids: Record<string, number> = {}
  for (const [key, person] of Object.entries(PEOPLE))
    ids[key] = (await createUser(db, { ...person, password: PASSWORD }, null)).id
  const review = createReview(
    db,
    reviewInput.parse({ title: 'Keyboard screening', slug: 'keys', blindScreening: 'on', maybeIsConflict: 'on' }),
    {
      ownerId: ids.owner!,
      actorId: null,
    },
  )
  for (const key of ['alex', 'bea', 'cam'] as const) addMember(db, review.id, PEOPLE[key].email, 'reviewer', ids.owner!)
  setThirdReviewer(db, review.id, ids.cam!, ids.owner!)
  const source = createSource(
    db,
    review.id,
    {
      name: 'CINAHL',
      kind: 'database',
      platform: '',
      dateRun: '',
      coverage: '',
      strategy: '',
      limits: '',
      filters: '',
      notes: '',
    },
    null,
  )
  const file = new TextEncoder().encode(
    risRecords(['First: link workers in general practice', 'Second: navigators and loneliness', 'Third: a drug trial']),
  )
  importReferenceFile(db, {
    reviewId: review.id,
    sourceId: source.id,
    fileName: 'cinahl.ris',
    sha256: 'e2e',
    sizeBytes: file.byteLength,
    chunks: [file],
    actorId: null,
  })
  db.$client.close()
}

async function signedInTab(email: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: weft.baseURL })
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

/** Presses a key on the screening page and waits until the record it was showing has been answered. */
async function vote(page: Page, key: 'i' | 'e' | 'm', title: string) {
  await expect.poll(() => page.locator('#record-title').textContent(), { timeout: 10_000 }).toContain(title)
  const action = (await page.locator('form.vote-form').getAttribute('action')) ?? ''
  const recordId = action.match(/records\/(\d+)\/vote/)?.[1]
  await page.keyboard.press(key)
  await page
    .locator('.notice[data-announce]')
    .filter({ hasText: `record ${recordId}.` })
    .waitFor()
  await expect
    .poll(
      () =>
        page
          .locator('#record-title')
          .textContent({ timeout: 1_000 })
          .catch(() => ''),
      { timeout: 10_000 },
    )
    .not.toContain(title)
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

describe('blind dual screening by keyboard', () => {
  it('lets two reviewers screen, makes a conflict, and the third reviewer resolves it', async () => {
    const alex = await signedInTab(PEOPLE.alex.email)
    await alex.page.goto('/reviews/keys/screening/title-abstract')
    await alex.page.keyboard.press('?')
    await expect.poll(() => alex.page.locator('details.keyboard-help').getAttribute('open')).not.toBeNull()
    await vote(alex.page, 'i', 'First')
    await vote(alex.page, 'i', 'Second')
    // A slip: u takes the last vote back, and the record comes back to be screened again.
    await alex.page.keyboard.press('u')
    await alex.page.locator('.notice').getByText('was withdrawn').waitFor()
    await vote(alex.page, 'i', 'Second')
    await vote(alex.page, 'e', 'Third')
    await alex.page.getByText('Nothing is waiting for your vote').waitFor()

    const bea = await signedInTab(PEOPLE.bea.email)
    await bea.page.goto('/reviews/keys/screening/title-abstract')
    await bea.page.getByText('One other reviewer has voted (hidden: blind screening)').waitFor()
    expect(await bea.page.content()).not.toContain('Alex Reviewer')
    await vote(bea.page, 'i', 'First')
    await vote(bea.page, 'e', 'Second')
    await vote(bea.page, 'e', 'Third')
    // k goes back to the record just decided: both voted include on the first, so it is decided and open.
    await bea.page.keyboard.press('k')
    await bea.page.getByText('Third: a drug trial').waitFor()
    await bea.page.getByText('Alex Reviewer:').waitFor()

    const cam = await signedInTab(PEOPLE.cam.email)
    await cam.page.goto('/reviews/keys/screening/title-abstract/conflicts')
    await cam.page.getByText('1 record waits for a final verdict.').waitFor()
    expect(await cam.page.locator('.conflict-card').textContent()).toContain('Second: navigators and loneliness')
    await cam.page.getByLabel('Note on the resolution').focus()
    await cam.page.keyboard.type('Navigators are link workers under another title')
    await cam.page.keyboard.press('Tab')
    await cam.page.keyboard.press('Enter')
    await cam.page.getByText('resolved as include').waitFor()
    await cam.page.getByText('No record is waiting for a resolver.').waitFor()

    for (const tab of [alex, bea, cam]) {
      expect(tab.problems).toEqual([])
      await tab.context.close()
    }
  })
})
