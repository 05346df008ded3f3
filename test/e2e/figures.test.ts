/**
 * Both figures as a reader opens them: the downloaded SVG files in real Chromium, measured with the
 * browser's own layout of the text (every line inside its box) and the drawn routes of the arrows (no arrow
 * through a box it does not join), then photographed into the run's screenshot folder for a human look.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { layoutLineOfArgument } from '../../src/domain/synthesis/line-of-argument-layout.ts'
import { prismaSvgDocument } from '../../views/prisma/flow-diagram.tsx'
import { LineOfArgumentSvg } from '../../views/synthesis/line-of-argument-svg.tsx'
import {
  launchBrowser,
  openSvgFile,
  screenshotPath,
  signInAsDemo,
  startWeft,
  type RunningWeft,
} from '../support/browser.ts'
import { finishedReview } from '../unit/prisma/worked-examples.ts'

let browser: Browser
let weft: RunningWeft

beforeAll(async () => {
  browser = await launchBrowser()
  weft = await startWeft({ demo: true })
})
afterAll(async () => {
  await browser?.close()
  await weft?.stop()
})

interface Findings {
  boxes: number
  arrows: number
  overflowing: string[]
  crossing: string[]
}

/**
 * Runs in the page (a string: the project's type-check has no DOM library). A box is a `g[data-box]` (PRISMA)
 * or an `a.node` (line of argument) with its rect; an arrow is a polyline, whose own boxes (data-from /
 * data-to) it may touch. A segment crosses a box when it runs through the box's inside, 2 px in from its edge.
 */
const FINDINGS_IN_PAGE = `(() => {
  const svg = document.documentElement
  const boxes = [...svg.querySelectorAll('g[data-box], a.node')].map((group) => {
    const rect = group.querySelector('rect')
    return {
      id: group.getAttribute('data-box') ?? group.getAttribute('data-node'),
      group,
      x: rect.x.baseVal.value, y: rect.y.baseVal.value,
      width: rect.width.baseVal.value, height: rect.height.baseVal.value,
      frame: rect.getBoundingClientRect(),
    }
  })
  const overflowing = []
  for (const box of boxes) {
    for (const text of box.group.querySelectorAll('text')) {
      const r = text.getBoundingClientRect()
      if (text.getAttribute('transform')) continue
      const inside = r.left >= box.frame.left + 1 && r.right <= box.frame.right - 1 && r.top >= box.frame.top - 1 && r.bottom <= box.frame.bottom + 1
      if (!inside) overflowing.push(box.id + ': ' + text.textContent)
    }
  }
  const crossing = []
  const lines = [...svg.querySelectorAll('polyline')]
  for (const line of lines) {
    const group = line.closest('g[data-relation]')
    const own = group ? [group.getAttribute('data-from'), group.getAttribute('data-to')] : []
    const points = [...line.points].map((p) => ({ x: p.x, y: p.y }))
    for (const box of boxes) {
      if (own.includes(box.id)) continue
      const [l, r, t, b] = [box.x + 2, box.x + box.width - 2, box.y + 2, box.y + box.height - 2]
      for (let i = 1; i < points.length; i++) {
        const [p, q] = [points[i - 1], points[i]]
        // Sample the segment: orthogonal or not, a point strictly inside the box is a crossing.
        for (let s = 0; s <= 40; s++) {
          const x = p.x + (q.x - p.x) * s / 40, y = p.y + (q.y - p.y) * s / 40
          if (x > l && x < r && y > t && y < b) { crossing.push((group ? 'relation ' + group.getAttribute('data-relation') : 'arrow') + ' through ' + box.id); s = 41; i = points.length }
        }
      }
    }
  }
  return { boxes: boxes.length, arrows: lines.length, overflowing, crossing }
})()`

function findings(page: Page): Promise<Findings> {
  return page.evaluate(FINDINGS_IN_PAGE) as Promise<Findings>
}

describe('figures in Chromium', () => {
  it('the demo’s line-of-argument figure: every line in its box, no relation through a box it does not join', async () => {
    const context = await browser.newContext({ baseURL: weft.baseURL, deviceScaleFactor: 1.5 })
    const page = await context.newPage()
    await signInAsDemo(page)
    const response = await page.request.get('/reviews/link-workers/synthesis/line-of-argument/figure.svg')
    expect(response.status()).toBe(200)
    await openSvgFile(page, await response.text())
    const found = await findings(page)
    expect(found.boxes).toBeGreaterThan(3)
    expect(found.arrows).toBeGreaterThan(1)
    expect(found.overflowing).toEqual([])
    expect(found.crossing).toEqual([])
    const png = await page.locator('svg').screenshot({ path: screenshotPath('line-of-argument-demo.png') })
    expect(png.length).toBeGreaterThan(10_000)
    await context.close()
  })

  it('a relation from the top level to the bottom one goes around the level between', async () => {
    const figure = await layoutLineOfArgument(
      [
        { id: 1, label: 'System and policy' },
        { id: 2, label: 'Individual link worker' },
        { id: 3, label: 'Patients and communities' },
      ],
      [
        { id: 10, levelId: 1, thirdOrderId: 100, label: 'Signposting into a depleted community sector' },
        { id: 11, levelId: 2, thirdOrderId: 101, label: 'Holding more than the role was designed for' },
        { id: 12, levelId: 2, thirdOrderId: 102, label: 'Bolted on' },
        { id: 13, levelId: 3, thirdOrderId: 103, label: 'Being heard before being referred' },
      ],
      [
        { id: 1, fromNodeId: 10, toNodeId: 11, label: 'constrains' },
        { id: 2, fromNodeId: 10, toNodeId: 13, label: 'shapes what patients meet' },
        { id: 3, fromNodeId: 12, toNodeId: 13, label: '' },
        { id: 4, fromNodeId: 11, toNodeId: 12, label: 'competes with' },
      ],
    )
    const svg = String(LineOfArgumentSvg({ figure, nodeHref: (id) => `#${id}`, title: 'Through the middle' }))
    const page = await browser.newPage({ deviceScaleFactor: 1.5 })
    await openSvgFile(page, svg)
    const found = await findings(page)
    expect(found).toMatchObject({ boxes: 4, arrows: 4, overflowing: [], crossing: [] })
    await page.locator('svg').screenshot({ path: screenshotPath('line-of-argument-through-the-middle.png') })
    await page.close()
  })

  it('the PRISMA diagram: no arrow through a box', async () => {
    const page = await browser.newPage()
    await openSvgFile(page, prismaSvgDocument(prismaCounts(finishedReview('updated_databases_registers_other'))))
    const found = await findings(page)
    expect(found.arrows).toBeGreaterThan(8)
    expect(found.overflowing).toEqual([])
    expect(found.crossing).toEqual([])
    await page.close()
  })
})
