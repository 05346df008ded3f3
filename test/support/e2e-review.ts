/**
 * A small review set up straight in the server's database file before (or while) a browser test runs:
 * people, a review with its members, and records imported from a RIS file written here. Plus a signed-in
 * browser tab at a chosen window size.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { openDatabase, type Db } from '../../db/client.ts'
import type { MemberRole } from '../../src/domain/vocabulary.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { addMember } from '../../src/store/memberships.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createUser } from '../../src/store/users.ts'
import { TEST_HASHER } from './app.ts'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser, pageProblems, screenshotPath, startWeft, type RunningWeft } from './browser.ts'
import { importCitations } from './screening-state.ts'

export const E2E_PASSWORD = 'a browser test password'

export const DESKTOP = { width: 1400, height: 900 }
export const PHONE = { width: 390, height: 844 }

export interface E2eRecord {
  title: string
  abstract?: string
  doi?: string
}

export interface E2eReviewSpec {
  slug: string
  title?: string
  /** The first person owns the review; the others join with their role. */
  people: { email: string; name: string; role: MemberRole }[]
  records?: E2eRecord[]
  reviewersPerRecord?: 1 | 2
  blind?: boolean
}

export interface E2eReview {
  reviewId: number
  userIds: Record<string, number>
  /** Record ids in the order of `records`. */
  recordIds: number[]
}

/** Opens the server's database (WAL lets a second connection in), runs `work`, and closes it again. */
export async function withDatabase<T>(dbPath: string, work: (db: Db) => T | Promise<T>): Promise<T> {
  const db = openDatabase(dbPath)
  try {
    return await work(db)
  } finally {
    db.$client.close()
  }
}

export async function seedReview(db: Db, spec: E2eReviewSpec): Promise<E2eReview> {
  const userIds: Record<string, number> = {}
  for (const person of spec.people) {
    const user = await createUser(db, { ...person, password: E2E_PASSWORD }, null, { hasher: TEST_HASHER })
    userIds[person.email] = user.id
  }
  const ownerId = userIds[spec.people[0]!.email]!
  const review = createReview(
    db,
    reviewInput.parse({
      title: spec.title ?? 'Browser test review',
      slug: spec.slug,
      reviewersPerRecord: String(spec.reviewersPerRecord ?? 2),
      ...(spec.blind === false ? {} : { blindScreening: 'on' }),
      maybeIsConflict: 'on',
    }),
    { ownerId, actorId: null },
  )
  for (const person of spec.people.slice(1)) addMember(db, review.id, person.email, person.role, ownerId)
  const citations = (spec.records ?? []).map((record, index) => ({
    ...record,
    authors: [`Author${index}, A.`],
    year: 2021,
  }))
  const recordIds =
    citations.length === 0 ? [] : importCitations(db, review.id, { name: 'MEDLINE', kind: 'database' }, citations)
  return { reviewId: review.id, userIds, recordIds }
}

export interface Tab {
  context: BrowserContext
  page: Page
  /** Uncaught errors and console errors the page logged (see pageProblems). */
  problems: string[]
}

/** A fresh tab (own cookies) at `viewport`, signed in as `email`. */
export async function signedInTab(
  browser: Browser,
  baseURL: string,
  email: string,
  options: { viewport?: { width: number; height: number }; password?: string; javaScript?: boolean } = {},
): Promise<Tab> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    javaScriptEnabled: options.javaScript ?? true,
  })
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  const problems = pageProblems(page)
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(options.password ?? E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/reviews')
  return { context, page, problems }
}

/** Whether the element's whole box lies inside the window (nothing cut off by the fold or an edge). */
export async function boxInViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox()
  const window = page.viewportSize()
  if (!box || !window || box.width === 0 || box.height === 0) return false
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= window.width && box.y + box.height <= window.height
}

/**
 * Saves a screenshot under the run's folder. caret 'initial': to hide the caret Playwright leaves style=""
 * on every input, which htmx's next swap copies, and the page's CSP refuses (a console error).
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), caret: 'initial', ...options })
}

export interface E2eRun {
  browser: Browser
  weft: RunningWeft
}

/**
 * Starts Chromium and a Weft server before a file's tests, and stops both after them. `seed` sets the
 * scene in the server's database first (it gets the running server too, e.g. for its files folder).
 */
export function browserAndWeft(options: { demo: boolean; seed?: (db: Db, weft: RunningWeft) => unknown }): E2eRun {
  const run = {} as E2eRun
  beforeAll(async () => {
    run.browser = await launchBrowser()
    run.weft = await startWeft({ demo: options.demo })
    const { seed } = options
    if (seed) await withDatabase(run.weft.dbPath, (db) => seed(db, run.weft))
  })
  afterAll(async () => {
    await run.weft?.stop()
    await run.browser?.close()
  })
  return run
}
