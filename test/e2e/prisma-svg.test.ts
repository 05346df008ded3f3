/**
 * The PRISMA diagram as a reviewer sees it: the downloaded SVG file opened on its own in real Chromium,
 * measured with the browser's font metrics (every line inside its box, nothing clipped by the canvas),
 * and photographed into the run's screenshot folder for a human look.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { PRISMA_TEMPLATES } from '../../src/domain/vocabulary.ts'
import { prismaSvgDocument } from '../../views/prisma/flow-diagram.tsx'
import { launchBrowser, openSvgFile, screenshotPath } from '../support/browser.ts'
import { finishedReview, halfwayReview } from '../unit/prisma/worked-examples.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens the SVG file itself (not inside an HTML page), as a browser does with a downloaded file. */
interface Measurement {
  misfits: { box: string; text: string }[]
  canvas: { width: number; height: number }
  drawing: { right: number; bottom: number }
}

/**
 * Lines whose rendered box leaves their frame, and the canvas against the drawing's extent. Written as a
 * string because it runs in the page, and the project's type-check has no DOM library.
 */
const MEASURE_IN_PAGE = `(() => {
  const svg = document.documentElement
  const misfits = []
  for (const group of svg.querySelectorAll('g[data-box]')) {
    const frame = group.querySelector('rect').getBoundingClientRect()
    for (const text of group.querySelectorAll('text')) {
      const box = text.getBoundingClientRect()
      const inside = box.left >= frame.left + 1 && box.right <= frame.right - 1 && box.top >= frame.top && box.bottom <= frame.bottom + 1
      if (!inside) misfits.push({ box: group.getAttribute('data-box'), text: text.textContent })
    }
  }
  const drawing = svg.getBBox()
  return {
    misfits,
    canvas: { width: svg.width.baseVal.value, height: svg.height.baseVal.value },
    drawing: { right: drawing.x + drawing.width, bottom: drawing.y + drawing.height },
  }
})()`

function measure(page: Page): Promise<Measurement> {
  return page.evaluate(MEASURE_IN_PAGE) as Promise<Measurement>
}

describe('PRISMA flow diagram in Chromium', () => {
  it('fits every line in its box on all four templates, finished and provisional', async () => {
    const page = await browser.newPage()
    for (const template of PRISMA_TEMPLATES) {
      for (const facts of [finishedReview(template), { ...halfwayReview(), template }]) {
        await openSvgFile(page, prismaSvgDocument(prismaCounts(facts)))
        const { misfits, canvas, drawing } = await measure(page)
        expect(misfits, template).toEqual([])
        expect(drawing.right, template).toBeLessThanOrEqual(canvas.width)
        expect(drawing.bottom, template).toBeLessThanOrEqual(canvas.height)
      }
    }
    await page.close()
  })

  it('photographs the updated review with other sources', async () => {
    const page = await browser.newPage({ deviceScaleFactor: 1.5 })
    const counts = prismaCounts(finishedReview('updated_databases_registers_other'))
    await openSvgFile(page, prismaSvgDocument(counts))
    const png = await page.locator('svg').screenshot({ path: screenshotPath('prisma-diagram.png') })
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    await openSvgFile(page, prismaSvgDocument(prismaCounts(halfwayReview())))
    await page.locator('svg').screenshot({ path: screenshotPath('prisma-diagram-provisional.png') })
    await page.close()
  })
})
