/**
 * The synthesis in Chromium: map constructs in the juxtaposition grid (htmx swaps the grid in place),
 * build a third-order construct from the concept, rate it with GRADE-CERQual and find it in the Summary
 * of Qualitative Findings table with the studies the links lead to.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../../db/client.ts'
import { memberships, reviews, users } from '../../db/schema.ts'
import { DEMO_LOGIN } from '../../src/demo/seed.ts'
import { startServer } from '../../src/server.ts'
import { launchBrowser, pageProblems } from '../support/browser.ts'
import { LINK_WORKER_STUDIES, seedStudies } from '../support/synthesis-fixtures.ts'

const SYNTHESIS = '/reviews/synthesis-e2e/synthesis'

let browser: Browser
let baseURL = ''
let stop: () => void = () => {}
let dir = ''

beforeAll(async () => {
  browser = await launchBrowser()
  dir = await mkdtemp(join(tmpdir(), 'weft-synthesis-e2e-'))
  const dbPath = join(dir, 'weft.db')
  const server = await startServer({ dbPath, port: 0, hostname: '127.0.0.1', demo: true, log: () => {} })
  stop = server.stop
  baseURL = `http://127.0.0.1:${server.port}`
  // A review of its own, beside the demo (whose synthesis is already built), owned by the demo account;
  // its studies and constructs are written directly, as extraction would have left them.
  const db = openDatabase(dbPath)
  const owner = db.select().from(users).where(eq(users.email, DEMO_LOGIN.email)).get()!
  const reviewId = db
    .insert(reviews)
    .values({ slug: 'synthesis-e2e', title: 'Synthesis in the browser' })
    .returning()
    .get().id
  db.insert(memberships).values({ reviewId, userId: owner.id, role: 'owner' }).run()
  seedStudies(db, reviewId, LINK_WORKER_STUDIES)
  db.$client.close()
})

afterAll(async () => {
  stop()
  await browser?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('synthesis in the browser', () => {
  it('maps constructs in the grid, builds a third-order construct, rates it with CERQual and sees it in the SoQF table', async () => {
    const context = await browser.newContext({ baseURL })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    const problems = pageProblems(page)
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(DEMO_LOGIN.email)
    await page.getByLabel('Password').fill(DEMO_LOGIN.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/reviews')

    await page.goto(`${SYNTHESIS}/concepts`)
    await page.getByLabel('Concept').fill('Holding people the system cannot hold')
    await page.getByRole('button', { name: 'Add concept' }).click()
    await page.getByRole('heading', { name: 'Holding people the system cannot hold' }).waitFor()

    await page.getByRole('link', { name: 'Grid', exact: true }).click()
    await page.waitForURL(`**${SYNTHESIS}/grid`)
    for (const [study, construct] of [
      ['Frostick 2019', 'Emotional toll of complex caseloads'],
      ['Griffith 2023', 'Holding patients while they wait'],
    ] as const) {
      const menu = page.getByLabel(`Map a construct of ${study} to “Holding people the system cannot hold”`)
      await menu.selectOption({ label: construct })
      await page.locator(`td[data-study="${study}"]`).getByRole('button', { name: 'Map' }).click()
      await page.locator(`td[data-study="${study}"] .grid-entry`, { hasText: construct }).waitFor()
    }
    // The answer came as an htmx swap of the grid (its notice sits inside the grid), not a page load.
    expect(await page.locator('#juxtaposition-grid [role="status"]').textContent()).toBe('Construct mapped.')
    expect(await page.locator('td[data-study="Pollard 2023"] .grid-entry').count()).toBe(0)

    await page.goto(`${SYNTHESIS}/third-order`)
    await page.getByLabel('Third-order construct').fill('Holding more than the role was designed for')
    await page.getByLabel('Holding people the system cannot hold').check()
    await page.getByRole('button', { name: 'Add third-order construct' }).click()
    await page.getByRole('heading', { level: 1, name: 'Holding more than the role was designed for' }).waitFor()
    expect(await page.locator('.chain > p').first().textContent()).toBe(
      'Contributing studies (2): Frostick 2019; Griffith 2023',
    )

    await page.goto(`${SYNTHESIS}/findings`)
    await page
      .getByLabel('Summary of the review finding')
      .fill('Link workers hold people whom other services cannot yet take on.')
    await page
      .getByLabel('Rests on')
      .selectOption({ label: 'Third-order construct: Holding more than the role was designed for' })
    await page.getByRole('button', { name: 'Add finding' }).click()
    await page.getByRole('heading', { name: 'GRADE-CERQual assessment' }).waitFor()
    const judgements = [
      ['Methodological limitations', 'Minor concerns', 'Reflexivity rarely reported.'],
      ['Coherence', 'No or very minor concerns', 'Consistent across both studies.'],
      ['Adequacy of data', 'Moderate concerns', 'Two studies only.'],
      ['Relevance', 'No or very minor concerns', 'Both in English primary care.'],
    ] as const
    for (const [component, concern, explanation] of judgements) {
      await page.getByLabel(`${component}: level of concern`).selectOption({ label: concern })
      await page.getByLabel(`${component}: explanation`).fill(explanation)
    }
    await page.getByLabel('Overall confidence').selectOption({ label: 'Moderate confidence' })
    await page.getByLabel('Explanation of the CERQual assessment').fill('Rated down once for adequacy.')
    await page.getByRole('button', { name: 'Save assessment' }).click()
    await page.getByRole('status').filter({ hasText: 'CERQual assessment saved.' }).waitFor()

    await page.getByRole('link', { name: 'CERQual', exact: true }).click()
    await page.waitForURL(`**${SYNTHESIS}/findings`)
    const row = page
      .locator('#soqf-table tbody tr')
      .filter({ hasText: 'Link workers hold people whom other services cannot yet take on.' })
    expect(await row.locator('td').allTextContents()).toEqual([
      '1',
      'Link workers hold people whom other services cannot yet take on.',
      'Frostick 2019; Griffith 2023',
      'Moderate confidence',
      'Rated down once for adequacy.',
    ])
    expect(problems).toEqual([])
    await context.close()
  })
})
