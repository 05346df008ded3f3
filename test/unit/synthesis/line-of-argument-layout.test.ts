import { describe, expect, it } from 'vitest'
import { textWidth } from '../../../src/domain/figures/text-width.ts'
import {
  FIGURE,
  layoutLineOfArgument,
  wrapLabel,
  type ArgumentFigure,
  type Box,
  type Point,
} from '../../../src/domain/synthesis/line-of-argument-layout.ts'

const LEVELS = [
  { id: 1, label: 'System and policy' },
  { id: 2, label: 'Individual link worker' },
  { id: 3, label: 'Patients and communities' },
]
const NODES = [
  { id: 10, levelId: 1, thirdOrderId: 100, label: 'Signposting into a depleted community sector' },
  { id: 11, levelId: 2, thirdOrderId: 101, label: 'Holding more than the role was designed for' },
  { id: 12, levelId: 2, thirdOrderId: 102, label: 'Bolted on' },
  { id: 13, levelId: 3, thirdOrderId: 103, label: 'Being heard before being referred' },
  // No relation yet: still drawn in its own level.
  { id: 14, levelId: 3, thirdOrderId: 104, label: 'Waiting lists' },
]
/** Node 1 → node 3 passes level 2, where the old figure drew it straight through "Holding more…". */
const RELATIONS = [
  { id: 1, fromNodeId: 10, toNodeId: 11, label: 'constrains' },
  { id: 2, fromNodeId: 10, toNodeId: 13, label: 'shapes what patients meet' },
  { id: 3, fromNodeId: 12, toNodeId: 13, label: '' },
  { id: 4, fromNodeId: 11, toNodeId: 12, label: 'competes with' },
]

/** Does the segment a–b pass through the inside of the box (touching its edge is not crossing)? */
function crosses(a: Point, b: Point, box: Box): boolean {
  const inset = 1
  const [left, right, top, bottom] = [
    box.x + inset,
    box.x + box.width - inset,
    box.y + inset,
    box.y + box.height - inset,
  ]
  if (a.x === b.x) return a.x > left && a.x < right && Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom
  if (a.y === b.y) return a.y > top && a.y < bottom && Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right
  throw new Error(`not an orthogonal segment: ${JSON.stringify([a, b])}`)
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

describe('line-of-argument layout (ELK layered, levels as partitions)', async () => {
  const figure: ArgumentFigure = await layoutLineOfArgument(LEVELS, NODES, RELATIONS)
  const boxOf = (nodeId: number) => figure.boxes.find((box) => box.nodeId === nodeId)!

  it('stacks levels as bands, top to bottom, and puts each node inside its level’s band', () => {
    expect(figure.bands.map((band) => band.label)).toEqual(LEVELS.map((level) => level.label))
    for (const [index, band] of figure.bands.entries()) {
      const next = figure.bands[index + 1]
      if (next) expect(band.y + band.height).toBeLessThanOrEqual(next.y)
    }
    for (const box of figure.boxes) {
      const band = figure.bands.find((b) => b.levelId === NODES.find((n) => n.id === box.nodeId)!.levelId)!
      expect(box.y).toBeGreaterThanOrEqual(band.y)
      expect(box.y + box.height).toBeLessThanOrEqual(band.y + band.height)
    }
  })

  it('keeps boxes apart, clear of the level names, inside the figure', () => {
    const nameWidth = Math.max(...LEVELS.map((level) => textWidth(level.label, FIGURE.bandFontSize, true)))
    for (const [index, a] of figure.boxes.entries()) {
      expect(a.x).toBeGreaterThan(nameWidth)
      expect(a.x + a.width).toBeLessThanOrEqual(figure.width)
      expect(a.y + a.height).toBeLessThanOrEqual(figure.height)
      for (const b of figure.boxes.slice(index + 1)) expect(overlaps(a, b), `${a.nodeId} / ${b.nodeId}`).toBe(false)
    }
  })

  it('routes every relation from its box to its box around every other box, never through one', () => {
    expect(figure.arrows).toHaveLength(RELATIONS.length)
    for (const arrow of figure.arrows) {
      const relation = RELATIONS.find((r) => r.id === arrow.relationId)!
      expect(arrow.points.length).toBeGreaterThanOrEqual(2)
      for (const box of figure.boxes) {
        for (const [index, point] of arrow.points.slice(1).entries()) {
          expect(crosses(arrow.points[index]!, point, box), `relation ${relation.id} through node ${box.nodeId}`).toBe(
            false,
          )
        }
      }
      const [start, end] = [arrow.points[0]!, arrow.points.at(-1)!]
      const onEdge = (p: Point, box: Box) =>
        p.x >= box.x - 0.5 && p.x <= box.x + box.width + 0.5 && p.y >= box.y - 0.5 && p.y <= box.y + box.height + 0.5
      expect(onEdge(start, boxOf(relation.fromNodeId))).toBe(true)
      expect(onEdge(end, boxOf(relation.toNodeId))).toBe(true)
    }
  })

  it('places each label where no box is, sized for its text', () => {
    for (const arrow of figure.arrows) {
      if (!arrow.label) {
        expect(arrow.labelBox).toBeNull()
        continue
      }
      const label = arrow.labelBox!
      expect(label.width).toBeGreaterThanOrEqual(textWidth(arrow.label, FIGURE.labelFontSize))
      for (const box of figure.boxes) expect(overlaps(label, box), `“${arrow.label}” on node ${box.nodeId}`).toBe(false)
    }
  })

  it('fits every line of a box inside it, measured', () => {
    for (const box of figure.boxes) {
      expect(box.height).toBeGreaterThanOrEqual(box.lines.length * FIGURE.lineHeight + 2 * FIGURE.boxPadding)
      for (const line of box.lines)
        expect(textWidth(line, FIGURE.fontSize), line).toBeLessThanOrEqual(box.width - 2 * FIGURE.boxPadding)
    }
  })

  it('keeps a level with nothing in it yet as an empty band in its place', async () => {
    const withEmpty = await layoutLineOfArgument([...LEVELS, { id: 4, label: 'Outcomes' }], NODES, RELATIONS)
    const empty = withEmpty.bands.at(-1)!
    expect(empty.label).toBe('Outcomes')
    expect(empty.height).toBeGreaterThan(0)
    expect(empty.y).toBeGreaterThanOrEqual(withEmpty.bands.at(-2)!.y + withEmpty.bands.at(-2)!.height)
  })

  it('wraps long labels by width and cuts what does not fit', () => {
    expect(wrapLabel('one two three four', textWidth('three four', 13) - 1, 4)).toEqual(['one two', 'three', 'four'])
    const cut = wrapLabel('a b c d e f', 1, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1]).toMatch(/…$/)
  })
})
