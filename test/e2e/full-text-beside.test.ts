/**
 * The full text beside the work: a study's PDF, drawn by pdf.js with a text layer, sits beside full-text
 * voting, appraisal, characteristics and construct entry. Selecting a quote in it fills the quote field
 * with its page (or, on pages without one, quotes it with its page in the note last typed in). Without
 * JavaScript a plain frame of the PDF and a link remain, and the full text is the one route Weft lets its
 * own pages frame.
 */
import { dirname, join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { reports, studies } from '../../db/schema.ts'
import { minimalPdf } from '../../src/demo/retrieval-demo.ts'
import { storeFullText } from '../../src/files/full-texts.ts'
import { browserAndWeft, screenshot, seedReview, signedInTab } from '../support/e2e-review.ts'
import { addIncludedStudies } from '../support/included-studies.ts'

const OWNER = 'owner@beside.org'
const SLUG = 'beside'
const QUOTE = 'I am the glue between the practice and the community'

let studyId = 0
let recordId = 0

const run = browserAndWeft({
  demo: false,
  seed: async (db, weft) => {
    const review = await seedReview(db, {
      slug: SLUG,
      people: [{ email: OWNER, name: 'Olive Owner', role: 'owner' }],
    })
    studyId = addIncludedStudies(db, review.reviewId, [{ label: 'Moffatt 2017' }])[0]!
    const pdf = minimalPdf(
      ['Moffatt 2017', 'Methods: interviews with 18 link workers.'],
      ['Findings', `"${QUOTE}", said one link worker.`],
      ['Discussion'],
    )
    // Where the server keeps full texts: beside its database (src/server.ts).
    const stored = storeFullText(join(dirname(weft.dbPath), 'files'), pdf)
    const report = db.select().from(reports).where(eq(reports.studyId, studyId!)).get()!
    recordId = report.recordId
    db.update(reports)
      .set({ fileSha256: stored.sha256, fileName: 'moffatt-2017.pdf', fileSize: stored.sizeBytes })
      .where(eq(reports.recordId, recordId))
      .run()
    expect(db.select().from(studies).all()).toHaveLength(1)
  },
})

/** Waits until pdf.js has drawn page `n` of the pane with its text layer. */
async function pdfPageReady(page: Page, n: number) {
  const pdfPage = page.locator(`.full-text-pane .pdf-page[data-page-number="${n}"]`)
  // Page 1 is in the pane as the page opens; later pages are drawn once scrolled to.
  if (n > 1) await pdfPage.scrollIntoViewIfNeeded()
  await pdfPage.locator('.textLayer span').first().waitFor()
  return pdfPage
}

/** Drags the mouse over a line of the PDF's text layer, as a reviewer selects a quote. */
async function selectInPdf(page: Page, text: string) {
  const span = page.locator('.full-text-pane .textLayer span', { hasText: text }).first()
  await span.scrollIntoViewIfNeeded()
  const box = (await span.boundingBox())!
  await page.mouse.move(box.x + 1, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 })
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 4 })
  await page.mouse.up()
}

describe('the PDF beside the work', () => {
  it('fills the quote and its page from a selection in the PDF on the constructs page, and adds the quote', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    await page.goto(`/reviews/${SLUG}/studies/${studyId}/constructs`)
    await pdfPageReady(page, 1)
    expect(await page.locator('.full-text-pane .pdf-page').count()).toBe(3)
    await pdfPageReady(page, 2)
    await selectInPdf(page, QUOTE)
    await expect.poll(() => page.locator('#new-quote-quote').inputValue()).toContain(QUOTE)
    expect(await page.locator('#new-quote-page').inputValue()).toBe('2')
    await page.getByText('Quote and page 2 filled in from the PDF.').waitFor()
    await screenshot(page, 'constructs-beside-pdf.png')
    await page.getByRole('button', { name: 'Add quote' }).click()
    await page.locator('.construct-list').filter({ hasText: QUOTE }).first().waitFor()
    expect(await page.locator('.construct-list').first().textContent()).toMatch(/p\.?\s*2|page 2/i)
    // Deleting asks first (the dialog, as JavaScript is on), then htmx swaps the panel: no confirmation page.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.locator('.construct-item').first().getByRole('button', { name: 'Delete' }).click()
    await page.getByText('No quote yet.').waitFor()
    expect(await page.getByRole('heading', { name: 'Please confirm' }).count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('shows the PDF beside full-text voting, appraisal and characteristics', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    for (const [name, url] of [
      ['full-text-screening', `/reviews/${SLUG}/screening/full-text/records/${recordId}`],
      ['appraisal', `/reviews/${SLUG}/appraisal/${studyId}`],
      ['characteristics', `/reviews/${SLUG}/characteristics/${studyId}`],
    ] as const) {
      await page.goto(url)
      const first = await pdfPageReady(page, 1)
      expect(await first.locator('.textLayer').textContent(), name).toContain(
        'Methods: interviews with 18 link workers.',
      )
      // Beside, not below: the PDF's left edge is right of the work's, and both start in the window.
      const work = (await page.locator('.beside-work').boundingBox())!
      const pane = (await page.locator('.full-text-pane').boundingBox())!
      expect(pane.x, name).toBeGreaterThan(work.x + work.width - 1)
      expect(pane.y, name).toBeLessThan(900)
      await screenshot(page, `${name}-beside-pdf.png`)
    }
    expect(problems).toEqual([])
    await context.close()
  })

  it('quotes a selection with its page into the appraisal comment last typed in', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER)
    await page.goto(`/reviews/${SLUG}/appraisal/${studyId}`)
    const comment = page.locator('#comment-q4')
    await comment.fill('Purposive sample.')
    await pdfPageReady(page, 2)
    await selectInPdf(page, QUOTE)
    await expect.poll(() => comment.inputValue()).toContain(QUOTE)
    expect(await comment.inputValue()).toMatch(/^Purposive sample\. “.*I am the glue.*” \(p\. 2\)$/)
    expect(problems).toEqual([])
    await context.close()
  })

  it('frames the PDF without JavaScript, and only the full text may be framed', async () => {
    const { context, page, problems } = await signedInTab(run.browser, run.weft.baseURL, OWNER, { javaScript: false })
    const response = await page.goto(`/reviews/${SLUG}/studies/${studyId}/constructs`)
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    const fileUrl = `/reviews/${SLUG}/reports/${recordId}/file`
    expect(await page.locator('iframe.full-text').getAttribute('src')).toBe(fileUrl)
    expect(await page.getByRole('link', { name: 'Open moffatt-2017.pdf in a new tab' }).getAttribute('href')).toBe(
      fileUrl,
    )
    const file = await context.request.get(fileUrl)
    expect(file.headers()['content-type']).toBe('application/pdf')
    expect(file.headers()['content-security-policy']).toContain("frame-ancestors 'self'")
    await screenshot(page, 'constructs-beside-pdf-no-javascript.png')
    expect(problems).toEqual([])
    await context.close()
  })
})
