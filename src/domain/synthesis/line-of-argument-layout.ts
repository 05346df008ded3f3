/**
 * Geometry of the line-of-argument figure (METHOD.md §2.4 (3)): each level or group is a horizontal band,
 * top to bottom; its nodes (third-order constructs) are boxes side by side; relations are arrows from box
 * edge to box edge with their label at the middle. Pure numbers, so the server draws the SVG and tests
 * can check the figure without a browser.
 */

export interface LayoutLevel {
  id: number
  label: string
}

export interface LayoutNode {
  id: number
  levelId: number
  thirdOrderId: number
  label: string
}

export interface LayoutRelation {
  id: number
  fromNodeId: number
  toNodeId: number
  label: string
}

export interface Band {
  levelId: number
  label: string
  y: number
  height: number
}

export interface Box {
  nodeId: number
  thirdOrderId: number
  x: number
  y: number
  width: number
  height: number
  lines: string[]
}

export interface Arrow {
  relationId: number
  x1: number
  y1: number
  x2: number
  y2: number
  label: string
  labelX: number
  labelY: number
}

export interface ArgumentFigure {
  width: number
  height: number
  bands: Band[]
  boxes: Box[]
  arrows: Arrow[]
}

export const FIGURE = {
  bandLabelWidth: 170,
  boxWidth: 190,
  lineHeight: 16,
  boxPadding: 10,
  gap: 50,
  bandPadding: 28,
  /** Average glyph width of the figure's 13px sans-serif, for wrapping without measuring text. */
  charWidth: 7,
  maxLines: 4,
} as const

/** Greedy word wrap to `width` characters, at most `maxLines` lines (the last ends with … if cut). */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (candidate.length <= width || !line) line = candidate
    else {
      lines.push(line)
      line = word
    }
  }
  if (line) lines.push(line)
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines)
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, Math.max(0, width - 1))}…`
    return kept
  }
  return lines.map((text) => (text.length > width ? `${text.slice(0, width - 1)}…` : text))
}

/** Where the line from a box's centre towards (tx, ty) leaves the box. */
function edgePoint(box: Box, tx: number, ty: number): { x: number; y: number } {
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const dx = tx - cx
  const dy = ty - cy
  if (dx === 0 && dy === 0) return { x: cx, y: cy }
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  )
  return { x: cx + dx * scale, y: cy + dy * scale }
}

export function layoutLineOfArgument(
  levels: readonly LayoutLevel[],
  nodes: readonly LayoutNode[],
  relations: readonly LayoutRelation[],
): ArgumentFigure {
  const charsPerLine = Math.floor((FIGURE.boxWidth - 2 * FIGURE.boxPadding) / FIGURE.charWidth)
  const boxes: Box[] = []
  const bands: Band[] = []
  let y = 0
  let widest = 0
  for (const level of levels) {
    const members = nodes.filter((node) => node.levelId === level.id)
    const wrapped = members.map((node) => wrapText(node.label, charsPerLine, FIGURE.maxLines))
    const tallest = Math.max(1, ...wrapped.map((lines) => lines.length))
    const boxHeight = tallest * FIGURE.lineHeight + 2 * FIGURE.boxPadding
    const height = boxHeight + 2 * FIGURE.bandPadding
    members.forEach((node, index) => {
      boxes.push({
        nodeId: node.id,
        thirdOrderId: node.thirdOrderId,
        x: FIGURE.bandLabelWidth + FIGURE.gap / 2 + index * (FIGURE.boxWidth + FIGURE.gap),
        y: y + FIGURE.bandPadding,
        width: FIGURE.boxWidth,
        height: boxHeight,
        lines: wrapped[index]!,
      })
    })
    widest = Math.max(widest, members.length)
    bands.push({ levelId: level.id, label: level.label, y, height })
    y += height
  }
  const boxOf = new Map(boxes.map((box) => [box.nodeId, box]))
  const arrows: Arrow[] = []
  for (const relation of relations) {
    const from = boxOf.get(relation.fromNodeId)
    const to = boxOf.get(relation.toNodeId)
    if (!from || !to) continue
    const start = edgePoint(from, to.x + to.width / 2, to.y + to.height / 2)
    const end = edgePoint(to, from.x + from.width / 2, from.y + from.height / 2)
    arrows.push({
      relationId: relation.id,
      x1: start.x,
      y1: start.y,
      x2: end.x,
      y2: end.y,
      label: relation.label,
      labelX: (start.x + end.x) / 2,
      labelY: (start.y + end.y) / 2,
    })
  }
  const width = FIGURE.bandLabelWidth + Math.max(1, widest) * (FIGURE.boxWidth + FIGURE.gap)
  return { width, height: Math.max(y, 60), bands, boxes, arrows }
}
