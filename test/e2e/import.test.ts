/**
 * Importing a reference file in Chromium: with JavaScript the upload goes through weft.js's
 * XMLHttpRequest (for its progress bar); without it, through the plain multipart form post.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_LOGIN } from '../../src/demo/seed.ts'
import { launchBrowser, pageProblems, startWeft, type RunningWeft, screenshotPath } from '../support/browser.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/formats', name)
const IMPORTS = '/reviews/link-workers/imports'

let browser: Browser
let weft: RunningWeft

beforeAll(async () => {
  browser = await launchBrowser()
  weft = await startWeft({ demo: true })
})

afterAll(async () => {
  await weft?.stop()
  await browser?.close()
})

async function signedInTab(
  javaScriptEnabled: boolean,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ baseURL: weft.baseURL, javaScriptEnabled })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const problems = pageProblems(page)
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(DEMO_LOGIN.email)
  await page.getByLabel('Password').fill(DEMO_LOGIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/reviews')
  return { context, page, problems }
}

/**
 * Imports into a new source of kind "other": Weft first asks whether its records should skip title/abstract
 * screening (other methods), and the files are chosen again with the answer ticked.
 */
async function chooseUpload(page: Page, sourceName: string, files: string[]) {
  await page.goto(IMPORTS)
  await page.getByLabel('New source name').fill(sourceName)
  await page.getByLabel('Kind of new source').selectOption('other')
  await page.getByLabel('Files').setInputFiles(files)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByText('Records from this source go straight to retrieval').first().waitFor()
  await page.getByLabel('Yes: these records go straight to retrieval, without screening').check()
  await page.getByLabel('Files').setInputFiles(files)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
}

describe('importing in the browser', () => {
  it('uploads a RIS file with the progress bar, shows its summary, then refuses it a second time', async () => {
    const { context, page, problems } = await signedInTab(true)
    const uploads: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(IMPORTS)) uploads.push(request.resourceType())
    })

    await chooseUpload(page, 'Hand search', [fixture('ovid.ris')])
    await page.waitForURL(/\/reviews\/link-workers\/imports\/\d+$/)
    await page.getByRole('heading', { level: 1, name: /ovid\.ris/ }).waitFor()
    expect(await page.locator('[data-summary="format"]').textContent()).toBe('RIS')
    expect(await page.locator('[data-summary="read"]').textContent()).toBe('2')
    expect(await page.locator('[data-summary="imported"]').textContent()).toBe('2')
    expect(await page.locator('[data-summary="flagged"]').textContent()).toBe('0')
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('ovid.ris imported: 2 records.')
    // The status polls until the background run is done, then shows its report.
    await page.locator('#dedup-report').waitFor()
    // Sent by weft.js's XMLHttpRequest, the path with the progress bar: the question, then the import.
    expect(uploads).toEqual(['xhr', 'xhr'])
    await page.screenshot({ path: screenshotPath('weft-import-summary.png'), fullPage: true })

    await page.goto(IMPORTS)
    await page.getByLabel('New source name').fill('Hand search')
    await page.getByLabel('Files').setInputFiles([fixture('ovid.ris')])
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    // The source exists now, and is of other methods: the question comes again, with the file refused.
    await page.getByLabel('Yes: these records go straight to retrieval, without screening').check()
    await page.getByLabel('Files').setInputFiles([fixture('ovid.ris')])
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    // The question's page has an error summary too: wait for the one that answers the second upload.
    const alert = page.locator('.error-summary').filter({ hasText: 'was not imported' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('ovid.ris was not imported: this review already has it')
    expect(new URL(page.url()).pathname).toBe(IMPORTS)
    await page.screenshot({ path: screenshotPath('weft-import-refused.png'), fullPage: true })
    await page.getByLabel('Import even if this file was imported before').check()
    await page.getByLabel('Files').setInputFiles([fixture('ovid.ris')])
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.waitForURL(/\/reviews\/link-workers\/imports\/\d+$/)
    expect(await page.locator('[data-summary="imported"]').textContent()).toBe('2')

    expect(problems).toEqual([])
    await context.close()
  })

  it('imports several files without JavaScript, through the plain form post', async () => {
    const { context, page } = await signedInTab(false)
    await chooseUpload(page, 'Reference managers', [fixture('zotero.bib'), fixture('endnote.xml')])
    await page.waitForURL(/\/reviews\/link-workers\/imports\?batches=\d+,\d+$/)
    expect(await page.locator('[data-summary="format"]').allTextContents()).toEqual(['BibTeX', 'EndNote XML'])
    expect(await page.getByRole('status').first().textContent()).toContain('2 files imported')
    await context.close()
  })

  it('follows a large upload on a slow connection, its figures moving, until the import’s summary', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'weft-e2e-upload-'))
    const file = join(folder, 'slow-search.ris')
    const fd = openSync(file, 'w')
    for (const chunk of syntheticRisChunks(2_000)) writeSync(fd, chunk) // ~5.4 MB
    closeSync(fd)
    const { context, page, problems } = await signedInTab(true)
    try {
      // An upload link of about 1.5 MB/s: the file takes a few seconds to go up.
      const cdp = await context.newCDPSession(page)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 1.5 * 1024 * 1024,
      })
      await page.goto(IMPORTS)
      // Every text the upload's status line shows, in order, until the answer replaces the page.
      await page.evaluate(`
        window.seen = []
        new MutationObserver(() => {
          const text = document.querySelector('.upload-status')?.textContent ?? ''
          if (text && text !== window.seen[window.seen.length - 1]) window.seen.push(text)
        }).observe(document.body, { subtree: true, childList: true, characterData: true })
      `)
      await page.getByLabel('New source name').fill('Slow search')
      await page.getByLabel('Files').setInputFiles(file)
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      await page
        .locator('.upload-status')
        .getByText(/Uploading: [\d.]+ MB of [\d.]+ MB/)
        .waitFor()
      await page.screenshot({ path: screenshotPath('weft-import-progress.png') })
      await page.waitForURL(/\/reviews\/link-workers\/imports\/\d+$/, { timeout: 60_000 })
      await page.getByRole('heading', { level: 1, name: /slow-search\.ris/ }).waitFor()
      expect(await page.locator('[data-summary="imported"]').textContent()).toBe('2,000')
      const seen = (await page.evaluate('window.seen')) as string[]
      const figures = seen.filter((text) => /\d/.test(text))
      // The figure changed at least twice before the summary, starting with the bytes going up.
      expect(figures.length).toBeGreaterThanOrEqual(3)
      expect(figures[0]).toMatch(/^Uploading: /)
      expect(problems).toEqual([])
    } finally {
      await context.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }, 120_000)
})
