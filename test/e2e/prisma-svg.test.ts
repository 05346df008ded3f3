/**
 * The PRISMA diagram as a reviewer sees it: the downloaded SVG file opened on its own in real Chromium,
 * measured with the browser's font metrics (every line inside its box, nothing clipped by the canvas),
 * and photographed to /tmp/prisma-diagram.png for a human look.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { PRISMA_TEMPLATES } from '../../src/domain/vocabulary.ts'
import { prismaSvgDocument } from '../../views/prisma/flow-diagram.tsx'
import { launchBrowser } from '../support/browser.ts'
import { finishedReview, halfwayReview } from '../unit/prisma/worked-examples.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens the SVG file itself (not inside an HTML page), as a browser does with a downloaded file. */
async function openSvgFile(page: Page, svg: string): Promise<void> {
  await page.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`)
}

interface Misfit {
  box: string
  text: string
}

/** Lines whose rendered box leaves their frame, and the canvas size against the drawing's extent. */
function measure(page: Page) {
  return page.evaluate(() => {
    const svg = document.documentElement as unknown as SVGSVGElement
    const misfits: Misfit[] = []
    for (const group of Array.from(svg.querySelectorAll('g[data-box]'))) {
      const frame = (group.querySelector('rect') as SVGRectElement).getBBox()
      for (const text of Array.from(group.querySelectorAll('text'))) {
        if (text.hasAttribute('transform')) continue // rotated side labels: measured below
        const box = text.getBBox()
        const inside =
          box.x >= frame.x + 1 && box.x + box.width <= frame.x + frame.width - 1 && box.y >= frame.y && box.y + box.height <= frame.y + frame.height + 1
        if (!inside) misfits.push({ box: group.getAttribute('data-box') ?? '', text: text.textContent ?? '' })
      }
    }
    for (const side of Array.from(svg.querySelectorAll('g[data-kind="side"]'))) {
      const frame = (side.querySelector('rect') as SVGRectElement).getBoundingClientRect()
      const label = (side.querySelector('text') as SVGTextElement).getBoundingClientRect()
      if (label.top < frame.top || label.bottom > frame.bottom || label.left < frame.left || label.right > frame.right) {
        misfits.push({ box: side.getAttribute('data-box') ?? '', text: side.textContent ?? '' })
      }
    }
    const drawing = svg.getBBox()
    return {
      misfits,
      canvas: { width: svg.width.baseVal.value, height: svg.height.baseVal.value },
      drawing: { right: drawing.x + drawing.width, bottom: drawing.y + drawing.height },
    }
  })
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

  it('photographs the updated review with other sources to /tmp/prisma-diagram.png', async () => {
    const page = await browser.newPage({ deviceScaleFactor: 1.5 })
    const counts = prismaCounts(finishedReview('updated_databases_registers_other'))
    await openSvgFile(page, prismaSvgDocument(counts))
    const png = await page.locator('svg').screenshot({ path: '/tmp/prisma-diagram.png' })
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    await openSvgFile(page, prismaSvgDocument(prismaCounts(halfwayReview())))
    await page.locator('svg').screenshot({ path: '/tmp/prisma-diagram-provisional.png' })
    await page.close()
  })
})
