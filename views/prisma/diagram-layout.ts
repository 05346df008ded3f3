import type { PrismaBoxId } from '../../src/domain/prisma/boxes.ts'
import type { PrismaCounts } from '../../src/domain/prisma/counts.ts'
import { PRISMA_FOOTNOTES } from '../../src/domain/prisma/template.ts'
import { boxContents, type BoxContent, type LineStyle } from './box-contents.ts'
import { DIAGRAM_FONT, fontWidth, wrapInFont } from './diagram-font.ts'

/**
 * The geometry of the PRISMA 2020 flow diagram, laid out like the official templates: side labels
 * (Identification / Screening / Included), column headers, each column's main boxes going down with their
 * side boxes to the right, arrows between them. Rows grow to the tallest box they hold, so long reason
 * lists and per-database breakdowns never overlap the next row. Pure geometry: the component draws it.
 */
export type TextStyle = LineStyle | 'header' | 'side' | 'banner-title' | 'banner' | 'problem' | 'footnote'

export interface PlacedLine {
  text: string
  x: number
  y: number
  style: TextStyle
  anchor: 'start' | 'middle'
}

export type BoxKind = 'flow' | 'header-databases' | 'header-grey' | 'side' | 'provisional' | 'problems'

export interface PlacedBox {
  /** The PRISMA box id (R package field name) for flow boxes; a descriptive id otherwise. */
  id: PrismaBoxId | string
  kind: BoxKind
  x: number
  y: number
  width: number
  height: number
  lines: PlacedLine[]
}

export interface DiagramLayout {
  width: number
  height: number
  boxes: PlacedBox[]
  /** Polylines; the last point carries the arrow head. */
  arrows: [number, number][][]
  footer: PlacedLine[]
}

const MARGIN = 20
const SIDE_W = 30
const SIDE_GAP = 16
const PREVIOUS_W = 210
const MAIN_W = 250
const SIDE_BOX_W = 250
const OTHER_W = 220
const PAIR_GAP = 44
const GROUP_GAP = 36
const LINE_H = 16
const SMALL_LINE_H = 13
const PAD_X = 10
const PAD_Y = 9
const ROW_GAP = 34
const INDENT: Record<LineStyle, number> = { text: 0, item: 10, subitem: 22, pending: 0 }

type Column = 'previous' | 'dbrMain' | 'dbrSide' | 'otherMain' | 'otherSide'
type Row = 'identification' | 'screened' | 'sought' | 'assessed' | 'included' | 'total'

const GRID: Record<Row, Partial<Record<Column, PrismaBoxId>>> = {
  identification: {
    previous: 'previous_studies',
    dbrMain: 'database_results',
    dbrSide: 'duplicates',
    otherMain: 'website_results',
  },
  screened: { dbrMain: 'records_screened', dbrSide: 'records_excluded' },
  sought: {
    dbrMain: 'dbr_sought_reports',
    dbrSide: 'dbr_notretrieved_reports',
    otherMain: 'other_sought_reports',
    otherSide: 'other_notretrieved_reports',
  },
  assessed: {
    dbrMain: 'dbr_assessed',
    dbrSide: 'dbr_excluded',
    otherMain: 'other_assessed',
    otherSide: 'other_excluded',
  },
  included: { dbrMain: 'new_studies' },
  total: { dbrMain: 'total_studies' },
}

export function layoutDiagram(counts: PrismaCounts): DiagramLayout {
  const { layout, consistency } = counts
  const contents = boxContents(counts)
  const columns = columnPositions(layout.previous, layout.other)
  const width = columns.right + MARGIN
  const contentLeft = MARGIN + SIDE_W + SIDE_GAP
  const contentWidth = columns.right - contentLeft
  const boxes: PlacedBox[] = []
  let y = MARGIN

  if (consistency.problems.length > 0) {
    const banner = bannerBox(
      'problems',
      'problems',
      'These counts do not add up:',
      consistency.problems,
      contentLeft,
      y,
      contentWidth,
    )
    boxes.push(banner)
    y += banner.height + 12
  }
  if (consistency.pending.length > 0) {
    const banner = bannerBox(
      'provisional',
      'provisional',
      'Provisional: the review is not finished, so these numbers will change.',
      consistency.pending.map((work) => work.text),
      contentLeft,
      y,
      contentWidth,
    )
    boxes.push(banner)
    y += banner.height + 12
  }

  const headers: PlacedBox[] = []
  const words = layout.wording
  if (columns.previous !== undefined) {
    headers.push(headerBox('header-previous', 'header-grey', words.previousHeader, columns.previous, PREVIOUS_W))
  }
  headers.push(
    headerBox(
      'header-databases',
      'header-databases',
      words.databasesHeader,
      columns.dbrMain,
      columns.dbrSide + SIDE_BOX_W - columns.dbrMain,
    ),
  )
  if (columns.otherMain !== undefined && columns.otherSide !== undefined) {
    headers.push(
      headerBox(
        'header-other',
        'header-grey',
        words.otherHeader,
        columns.otherMain,
        columns.otherSide + OTHER_W - columns.otherMain,
      ),
    )
  }
  const headerHeight = Math.max(...headers.map((header) => header.height))
  for (const header of headers) {
    boxes.push(moveTo(header, header.x, y, headerHeight))
  }
  y += headerHeight + 18

  const rows: Row[] = ['identification', 'screened', 'sought', 'assessed', 'included']
  if (layout.previous) rows.push('total')
  // A side label that spans a single row needs that row to be at least as tall as the rotated label.
  const labelLength = (label: string) => fontWidth(label, DIAGRAM_FONT.header) + 2 * PAD_Y
  const minimumHeight: Partial<Record<Row, number>> = {
    identification: labelLength('Identification'),
    included: layout.previous ? 0 : labelLength('Included'),
  }
  const rowBands = new Map<Row, { top: number; bottom: number; centre: number }>()
  const placed = new Map<PrismaBoxId, PlacedBox>()
  for (const row of rows) {
    const inRow: PlacedBox[] = []
    for (const [column, id] of Object.entries(GRID[row]) as [Column, PrismaBoxId][]) {
      const x = columns[column]
      const content = contents.get(id)
      if (x === undefined || content === undefined) continue
      inRow.push(flowBox(content, x, columnWidth(column)))
    }
    const height = Math.max(minimumHeight[row] ?? 0, ...inRow.map((box) => box.height))
    const centre = y + height / 2
    for (const box of inRow) {
      const moved = moveTo(box, box.x, centre - box.height / 2, box.height)
      boxes.push(moved)
      placed.set(moved.id as PrismaBoxId, moved)
    }
    rowBands.set(row, { top: y, bottom: y + height, centre })
    y += height + ROW_GAP
  }
  y -= ROW_GAP

  const band = (first: Row, last: Row) => {
    const top = rowBands.get(first)?.top ?? 0
    return { top, height: (rowBands.get(last)?.bottom ?? top) - top }
  }
  const sides: [string, Row, Row][] = [
    ['Identification', 'identification', 'identification'],
    ['Screening', 'screened', 'assessed'],
    ['Included', 'included', layout.previous ? 'total' : 'included'],
  ]
  for (const [label, first, last] of sides) {
    const { top, height } = band(first, last)
    boxes.push({
      id: `side-${label.toLowerCase()}`,
      kind: 'side',
      x: MARGIN,
      y: top,
      width: SIDE_W,
      height,
      lines: [{ text: label, x: MARGIN + SIDE_W / 2, y: top + height / 2, style: 'side', anchor: 'middle' }],
    })
  }

  const footer: PlacedLine[] = []
  y += 22
  const footnotes = [
    ...consistency.notes.map((note) => `Note: ${note}`),
    PRISMA_FOOTNOTES.databases,
    PRISMA_FOOTNOTES.automation,
    '',
    PRISMA_FOOTNOTES.citation,
    PRISMA_FOOTNOTES.moreInformation,
  ]
  for (const note of footnotes) {
    for (const line of note ? wrapInFont(note, width - 2 * MARGIN, DIAGRAM_FONT.small) : []) {
      footer.push({ text: line, x: MARGIN, y, style: 'footnote', anchor: 'start' })
      y += SMALL_LINE_H
    }
    if (!note) y += SMALL_LINE_H / 2
  }

  return { width, height: Math.ceil(y + MARGIN - SMALL_LINE_H / 2), boxes, arrows: arrowsBetween(placed), footer }
}

interface ColumnPositions extends Partial<Record<Column, number>> {
  dbrMain: number
  dbrSide: number
  right: number
}

function columnPositions(previous: boolean, other: boolean): ColumnPositions {
  let x = MARGIN + SIDE_W + SIDE_GAP
  const previousX = previous ? x : undefined
  if (previous) x += PREVIOUS_W + GROUP_GAP
  const dbrMain = x
  const dbrSide = dbrMain + MAIN_W + PAIR_GAP
  x = dbrSide + SIDE_BOX_W
  const positions: ColumnPositions = { dbrMain, dbrSide, right: x }
  if (previousX !== undefined) positions.previous = previousX
  if (other) {
    positions.otherMain = x + GROUP_GAP
    positions.otherSide = positions.otherMain + OTHER_W + PAIR_GAP
    positions.right = positions.otherSide + OTHER_W
  }
  return positions
}

function columnWidth(column: Column): number {
  switch (column) {
    case 'previous':
      return PREVIOUS_W
    case 'dbrMain':
      return MAIN_W
    case 'dbrSide':
      return SIDE_BOX_W
    default:
      return OTHER_W
  }
}

/** A box with its text wrapped to its width, placed at (x, 0); rows move it down afterwards. */
function flowBox(content: BoxContent, x: number, width: number): PlacedBox {
  const lines: PlacedLine[] = []
  for (const line of content.lines) {
    const indent = content.align === 'start' ? INDENT[line.style] : 0
    for (const piece of wrapInFont(line.text, width - 2 * PAD_X - indent, DIAGRAM_FONT.box)) {
      lines.push({
        text: piece,
        x: content.align === 'middle' ? x + width / 2 : x + PAD_X + indent,
        y: PAD_Y + (lines.length + 1) * LINE_H - 4,
        style: line.style,
        anchor: content.align,
      })
    }
  }
  return { id: content.id, kind: 'flow', x, y: 0, width, height: 2 * PAD_Y + lines.length * LINE_H, lines }
}

function headerBox(id: string, kind: BoxKind, label: string, x: number, width: number): PlacedBox {
  const pieces = wrapInFont(label, width - 2 * PAD_X, DIAGRAM_FONT.header)
  const lines = pieces.map((piece, index): PlacedLine => ({
    text: piece,
    x: x + width / 2,
    y: PAD_Y + (index + 1) * LINE_H - 3,
    style: 'header',
    anchor: 'middle',
  }))
  return { id, kind, x, y: 0, width, height: 2 * PAD_Y + lines.length * LINE_H, lines }
}

function bannerBox(
  id: string,
  kind: BoxKind,
  title: string,
  items: readonly string[],
  x: number,
  y: number,
  width: number,
): PlacedBox {
  const lines: PlacedLine[] = []
  const push = (text: string, style: TextStyle, indent: number) => {
    lines.push({ text, x: x + PAD_X + indent, y: y + PAD_Y + (lines.length + 1) * LINE_H - 4, style, anchor: 'start' })
  }
  for (const piece of wrapInFont(title, width - 2 * PAD_X, DIAGRAM_FONT.bold)) push(piece, 'banner-title', 0)
  const itemStyle: TextStyle = kind === 'problems' ? 'problem' : 'banner'
  for (const item of items) {
    wrapInFont(item, width - 2 * PAD_X - 14, DIAGRAM_FONT.box).forEach((piece, index) => {
      push(index === 0 ? `• ${piece}` : piece, itemStyle, index === 0 ? 0 : 10)
    })
  }
  return { id, kind, x, y, width, height: 2 * PAD_Y + lines.length * LINE_H, lines }
}

/** The box moved to (x, y) with its lines, stretched to `height` (headers of one row share a height). */
function moveTo(box: PlacedBox, x: number, y: number, height: number): PlacedBox {
  const dy = y - box.y + (height - box.height) / 2
  return {
    ...box,
    x,
    y,
    height,
    lines: box.lines.map((line) => ({ ...line, y: line.y + dy })),
  }
}

/** The official template's arrows: down each main column, right into each side box, into the included box. */
function arrowsBetween(placed: Map<PrismaBoxId, PlacedBox>): [number, number][][] {
  const arrows: [number, number][][] = []
  const box = (id: PrismaBoxId) => placed.get(id)
  const down = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = box(from)
    const b = box(to)
    if (a && b)
      arrows.push([
        [a.x + a.width / 2, a.y + a.height],
        [b.x + b.width / 2, b.y],
      ])
  }
  const right = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = box(from)
    const b = box(to)
    if (!a || !b) return
    // Middle of the band both boxes share (rows centre their boxes, so this is the row's centre line).
    const y = (Math.max(a.y, b.y) + Math.min(a.y + a.height, b.y + b.height)) / 2
    arrows.push([
      [a.x + a.width, y],
      [b.x, y],
    ])
  }
  /** Down from the middle of `from`'s bottom, then across into `to`'s left or right side at its middle. */
  const elbow = (from: PrismaBoxId, to: PrismaBoxId, side: 'left' | 'right') => {
    const a = box(from)
    const b = box(to)
    if (!a || !b) return
    const x = a.x + a.width / 2
    const y = b.y + b.height / 2
    arrows.push([
      [x, a.y + a.height],
      [x, y],
      [side === 'right' ? b.x + b.width : b.x, y],
    ])
  }
  const chain: PrismaBoxId[] = [
    'database_results',
    'records_screened',
    'dbr_sought_reports',
    'dbr_assessed',
    'new_studies',
    'total_studies',
  ]
  chain.slice(1).forEach((to, index) => down(chain[index] as PrismaBoxId, to))
  right('database_results', 'duplicates')
  right('records_screened', 'records_excluded')
  right('dbr_sought_reports', 'dbr_notretrieved_reports')
  right('dbr_assessed', 'dbr_excluded')
  down('website_results', 'other_sought_reports')
  down('other_sought_reports', 'other_assessed')
  right('other_sought_reports', 'other_notretrieved_reports')
  right('other_assessed', 'other_excluded')

  elbow('other_assessed', 'new_studies', 'right')
  elbow('previous_studies', 'total_studies', 'left')
  return arrows
}
