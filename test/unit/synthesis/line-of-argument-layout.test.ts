import { describe, expect, it } from 'vitest'
import { layoutLineOfArgument, wrapText } from '../../../src/domain/synthesis/line-of-argument-layout.ts'

const LEVELS = [
  { id: 1, label: 'System and policy' },
  { id: 2, label: 'Individual link worker' },
]
const NODES = [
  { id: 10, levelId: 1, thirdOrderId: 100, label: 'Signposting into a depleted community sector' },
  { id: 11, levelId: 2, thirdOrderId: 101, label: 'Holding more than the role was designed for' },
  { id: 12, levelId: 2, thirdOrderId: 102, label: 'Bolted on' },
]

describe('line-of-argument layout', () => {
  const figure = layoutLineOfArgument(LEVELS, NODES, [{ id: 1, fromNodeId: 10, toNodeId: 11, label: 'constrains' }])

  it('stacks levels as bands, top to bottom, and puts each node in its level’s band', () => {
    expect(figure.bands.map((band) => band.label)).toEqual(['System and policy', 'Individual link worker'])
    for (const box of figure.boxes) {
      const band = figure.bands.find((b) => b.levelId === NODES.find((n) => n.id === box.nodeId)!.levelId)!
      expect(box.y).toBeGreaterThanOrEqual(band.y)
      expect(box.y + box.height).toBeLessThanOrEqual(band.y + band.height)
    }
  })

  it('keeps boxes of a level side by side without overlap, inside the figure', () => {
    const [a, b] = figure.boxes.filter((box) => box.nodeId !== 10)
    expect(a!.x + a!.width).toBeLessThan(b!.x)
    for (const box of figure.boxes) expect(box.x + box.width).toBeLessThanOrEqual(figure.width)
  })

  it('draws a relation from the edge of one box to the edge of the other, labelled at its middle', () => {
    const [arrow] = figure.arrows
    const from = figure.boxes.find((box) => box.nodeId === 10)!
    const to = figure.boxes.find((box) => box.nodeId === 11)!
    expect(arrow!.y1).toBeCloseTo(from.y + from.height)
    expect(arrow!.y2).toBeCloseTo(to.y)
    expect(arrow!.label).toBe('constrains')
    expect(arrow!.labelY).toBeCloseTo((arrow!.y1 + arrow!.y2) / 2)
  })

  it('wraps long labels and cuts what does not fit', () => {
    expect(wrapText('one two three four', 9, 4)).toEqual(['one two', 'three', 'four'])
    expect(wrapText('a b c d e f', 1, 2)).toEqual(['a', '…'])
  })
})
