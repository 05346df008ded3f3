/**
 * A few real user journeys in headless Chromium against the real server. Pages are boosted by htmx 4
 * (hx-boost:inherited on <body>), so links and form posts are fetch + swap: every step waits on the URL
 * or on something appearing, never on a fixed sleep.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_LOGIN } from '../../src/demo/seed.ts'
import { launchBrowser, pageProblems, startWeft, type RunningWeft, screenshotPath } from '../support/browser.ts'

const DEMO_TITLE = 'Link workers’ experiences of social prescribing'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A fresh tab with its own cookies, plus the list of in-page errors it collects. */
async function openTab(weft: RunningWeft): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: weft.baseURL })
  // Every step here takes well under a second; a short wait makes a broken page fail fast with its locator.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  return { context, page, problems: pageProblems(page) }
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/reviews')
}

describe('a fresh Weft', () => {
  let weft: RunningWeft

  beforeAll(async () => {
    weft = await startWeft({ demo: false })
  })

  afterAll(async () => {
    await weft?.stop()
  })

  it('sets up the admin, creates a review, logs a search, and records both in Activity', async () => {
    const { context, page, problems } = await openTab(weft)

    // Nobody has an account yet, so every visitor is sent to set one up.
    await page.goto('/')
    await page.waitForURL('**/setup')
    await page.getByLabel('Your name').fill('Ada Admin')
    await page.getByLabel('Email').fill('ada@example.org')
    await page.getByLabel('Password').fill('correct horse battery staple')
    await page.getByRole('button', { name: 'Create account' }).click()

    await page.waitForURL('**/reviews/new')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('New review')
    await page.getByLabel('Title').fill('Peer support in early psychosis')
    await page.getByLabel('Short name').fill('peer-support')
    await page.getByLabel('Review question').fill('How do people with early psychosis experience peer support?')
    await page.getByLabel('Sample').fill('Adults within five years of a first episode of psychosis.')
    await page.getByRole('button', { name: 'Create review' }).click()

    await page.waitForURL('**/reviews/peer-support')
    await page.getByRole('heading', { name: 'Where the review stands' }).waitFor()
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Review “Peer support in early psychosis” created')
    const stages = await page.locator('ol.stages > li .stage-name').allTextContents()
    expect(stages[0]).toBe('Identification')
    expect(stages.at(-1)).toBe('Synthesis')
    expect(stages).toHaveLength(8)
    await page.screenshot({ path: screenshotPath('weft-dashboard.png'), fullPage: true })

    await page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Search log' }).click()
    await page.waitForURL('**/reviews/peer-support/sources')
    await page.getByRole('link', { name: 'Add source' }).click()
    await page.waitForURL('**/sources/new')
    // getByLabel would also match "Kind of source"; the role's accessible name drops the aria-hidden " *".
    await page.getByRole('textbox', { name: 'Source', exact: true }).fill('MEDLINE')
    await page.getByLabel('Platform').fill('Ovid')
    await page.getByLabel('Kind of source').selectOption('database')
    await page.getByLabel('Date run').fill('2026-03-02')
    await page
      .getByLabel('Full search strategy, exactly as run')
      .fill('1 exp Psychotic Disorders/\n2 "peer support".ti,ab.\n3 1 and 2')
    await page.getByRole('button', { name: 'Save source' }).click()

    await page.waitForURL(/\/reviews\/peer-support\/sources(#source-\d+)?$/)
    await page.getByRole('heading', { name: 'MEDLINE', level: 2 }).waitFor()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('MEDLINE added to the search log.')
    await expect
      .poll(() => page.locator('article.source .muted').first().textContent())
      .toBe('Database · Ovid · run 2026-03-02')

    await page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Activity' }).click()
    await page.waitForURL('**/reviews/peer-support/activity')
    const actions = await page.locator('table.activity tbody td code').allTextContents()
    expect(actions).toContain('source.created')
    expect(actions).toContain('review.created')

    expect(problems).toEqual([])
    await context.close()
  })
})

describe('the demo Weft', () => {
  let weft: RunningWeft

  beforeAll(async () => {
    weft = await startWeft({ demo: true })
  })

  afterAll(async () => {
    await weft?.stop()
  })

  it('signs in with the printed demo login and shows the demo review with its 8 sources', async () => {
    const { context, page, problems } = await openTab(weft)
    await page.goto('/')
    await page.waitForURL('**/sign-in')
    await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password)

    await page.getByRole('link', { name: DEMO_TITLE }).click()
    await page.waitForURL('**/reviews/link-workers')
    await page.getByRole('heading', { name: 'Where the review stands' }).waitFor()
    await page.getByRole('link', { name: '8 sources' }).click()
    await page.waitForURL('**/reviews/link-workers/sources')
    await expect.poll(() => page.locator('article.source').count()).toBe(8)

    expect(problems).toEqual([])
    await context.close()
  })

  it('shows a validation error next to the field and keeps what was typed', async () => {
    const { context, page, problems } = await openTab(weft)
    await signIn(page, DEMO_LOGIN.email, DEMO_LOGIN.password)
    await page.goto('/reviews/new')

    // The Title input is `required`, so Chromium itself refuses a truly empty one; spaces pass the browser
    // and reach the server's check (which trims), the path a real user can take.
    await page.getByLabel('Title').fill('   ')
    await page.getByLabel('Short name').fill('kept-slug')
    await page.getByLabel('Review question').fill('Is this kept?')
    await page.getByLabel('Sample').fill('Kept sample')
    await page.getByRole('button', { name: 'Create review' }).click()

    const titleError = page.locator('#error-title')
    await titleError.waitFor()
    expect(await titleError.textContent()).toBe('Enter the review’s title.')
    // "Next to the field": inside the Title field's own wrapper, and announced by the input.
    expect(
      await page
        .locator('.field-error')
        .filter({ has: page.locator('#field-title') })
        .count(),
    ).toBe(1)
    expect(await page.getByLabel('Title').getAttribute('aria-describedby')).toContain('error-title')
    expect(await page.getByLabel('Short name').inputValue()).toBe('kept-slug')
    expect(await page.getByLabel('Review question').inputValue()).toBe('Is this kept?')
    expect(await page.getByLabel('Sample').inputValue()).toBe('Kept sample')
    expect(new URL(page.url()).pathname).toBe('/reviews/new')

    expect(problems).toEqual([])
    await context.close()
  })
})
