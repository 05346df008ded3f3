/**
 * The PNGs as resvg draws them: every line of text of a figure, set alone in the figure's font by the same
 * renderer with the same fonts, is measured with resvg's own bounding box and must lie inside its box.
 * (The browser look in test/e2e checks the SVGs in Chromium.)
 */
import { Resvg } from '@resvg/resvg-js'
import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { PRISMA_TEMPLATES } from '../../src/domain/vocabulary.ts'
import { FIGURE_FONT } from '../../src/routes/review/figure-png.ts'
import { layoutLineOfArgument } from '../../src/domain/synthesis/line-of-argument-layout.ts'
import { prismaSvgDocument } from '../../views/prisma/flow-diagram.tsx'
import { LineOfArgumentSvg } from '../../views/synthesis/line-of-argument-svg.tsx'
import { findAll, parseSvg, type SvgNode } from '../unit/prisma/svg-tree.ts'
import { finishedReview, halfwayReview } from '../unit/prisma/worked-examples.ts'

const FONT_ATTRIBUTES = ['font-size', 'font-weight', 'font-style', 'text-anchor'] as const

/** resvg's horizontal extent of one <text>, drawn with the figure's font attributes on an empty canvas. */
function inkExtent(text: SvgNode, inherited: Record<string, string>): { left: number; right: number } | null {
  const attributes = { ...inherited, ...text.attributes }
  const font = FONT_ATTRIBUTES.map((name) => (attributes[name] ? `${name}="${attributes[name]}"` : '')).join(' ')
  const escaped = text.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="100" font-family="${attributes['font-family']?.replace(/"/g, "'")}"><text x="${attributes.x}" y="50" ${font}>${escaped}</text></svg>`
  const box = new Resvg(svg, { font: FIGURE_FONT }).getBBox()
  return box === undefined ? null : { left: box.x, right: box.x + box.width }
}

describe('the PRISMA PNG (resvg)', () => {
  it('keeps every line inside its box, on all four templates, finished and provisional', () => {
    const misfits: string[] = []
    for (const template of PRISMA_TEMPLATES) {
      for (const facts of [finishedReview(template), { ...halfwayReview(), template }]) {
        const svg = parseSvg(prismaSvgDocument(prismaCounts(facts)))
        const inherited = { 'font-family': svg.attributes['font-family'] ?? '', 'font-size': '12' }
        for (const group of findAll(svg, (node) => node.name === 'g' && 'data-box' in node.attributes)) {
          const rect = group.children[0] as SvgNode
          const left = Number(rect.attributes.x)
          const right = left + Number(rect.attributes.width)
          for (const line of findAll(group, (node) => node.name === 'text')) {
            if (line.attributes.transform) continue // the rotated side labels
            const ink = inkExtent(line, inherited)
            if (ink !== null && (ink.left < left + 2 || ink.right > right - 2))
              misfits.push(
                `${template} ${group.attributes['data-box']}: "${line.text}" ${ink.left.toFixed(0)}–${ink.right.toFixed(0)} in ${left}–${right}`,
              )
          }
        }
      }
    }
    expect(misfits).toEqual([])
  })
})

describe('the line-of-argument PNG (resvg)', () => {
  it('keeps every line of every construct inside its box', async () => {
    const long = 'Holding more than the role was designed for while the community sector is depleted'
    const figure = await layoutLineOfArgument(
      [
        { id: 1, label: 'System and policy' },
        { id: 2, label: 'Individual link worker' },
      ],
      [
        { id: 10, levelId: 1, thirdOrderId: 100, label: 'Signposting into a depleted community sector' },
        { id: 11, levelId: 2, thirdOrderId: 101, label: long },
        { id: 12, levelId: 2, thirdOrderId: 102, label: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW' },
      ],
      [{ id: 1, fromNodeId: 10, toNodeId: 11, label: 'constrains' }],
    )
    const svg = parseSvg(String(LineOfArgumentSvg({ figure, nodeHref: () => '#', title: 'PNG text' })))
    const inherited = {
      'font-family': svg.attributes['font-family'] ?? '',
      'font-size': svg.attributes['font-size'] ?? '',
    }
    const misfits: string[] = []
    for (const node of findAll(svg, (n) => n.name === 'a' && n.attributes.class === 'node')) {
      const rect = node.children.find((child) => child.name === 'rect')!
      const [left, right] = [Number(rect.attributes.x), Number(rect.attributes.x) + Number(rect.attributes.width)]
      for (const line of findAll(node, (n) => n.name === 'tspan')) {
        const ink = inkExtent({ ...line, attributes: { ...line.attributes, 'text-anchor': 'middle' } }, inherited)
        if (ink !== null && (ink.left < left + 2 || ink.right > right - 2))
          misfits.push(`"${line.text}" ${ink.left.toFixed(0)}–${ink.right.toFixed(0)} in ${left}–${right}`)
      }
    }
    expect(misfits).toEqual([])
    expect(findAll(svg, (n) => n.name === 'tspan').map((n) => n.text)).toContainEqual(expect.stringMatching(/^W+…$/))
  })
})
