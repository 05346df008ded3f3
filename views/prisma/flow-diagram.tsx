import type { PrismaCounts } from '../../src/domain/prisma/counts.ts'
import { PRISMA_TEMPLATE_LABELS } from '../../src/domain/vocabulary.ts'
import { layoutDiagram, type BoxKind, type PlacedBox, type PlacedLine, type TextStyle } from './diagram-layout.ts'

/**
 * The PRISMA 2020 flow diagram as a standalone SVG (xmlns, width/height/viewBox, fonts and colours as
 * attributes, no CSS), so the same markup sits inline on the Report page and downloads as a file that
 * opens in a browser, Inkscape or Word. Text is user text (source names, reason labels): hono/jsx escapes
 * it. `idPrefix` keeps the arrow-head id unique when a page shows more than one diagram.
 */
export function PrismaFlowDiagram({ counts, idPrefix = 'prisma' }: { counts: PrismaCounts; idPrefix?: string }) {
  const diagram = layoutDiagram(counts)
  const arrowId = `${idPrefix}-arrow`
  const title = `PRISMA 2020 flow diagram (${PRISMA_TEMPLATE_LABELS[counts.template]})${
    counts.consistency.status === 'complete' ? '' : ' — provisional'
  }`
  return (
    <svg
      xmlns='http://www.w3.org/2000/svg'
      version='1.1'
      width={diagram.width}
      height={diagram.height}
      viewBox={`0 0 ${diagram.width} ${diagram.height}`}
      font-family={FONT_FAMILY}
      font-size='12'
      role='img'
      aria-label={title}
      data-status={counts.consistency.status}
    >
      <title>{title}</title>
      <defs>
        <marker id={arrowId} viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto'>
          <path d='M 0 0 L 10 5 L 0 10 z' fill='#000000' />
        </marker>
      </defs>
      <rect x='0' y='0' width={diagram.width} height={diagram.height} fill='#ffffff' />
      {diagram.boxes.map((box) => (
        <Box box={box} />
      ))}
      {diagram.arrows.map((points) => (
        <polyline
          points={points.map(([x, y]) => `${round(x)},${round(y)}`).join(' ')}
          fill='none'
          stroke='#000000'
          stroke-width='1.2'
          marker-end={`url(#${arrowId})`}
        />
      ))}
      <g data-part='footer'>
        {diagram.footer.map((line) => (
          <Line line={line} />
        ))}
      </g>
    </svg>
  )
}

/** The diagram as a file: the XML declaration, then the SVG (what `weft prisma --format svg` prints). */
export function prismaSvgDocument(counts: PrismaCounts): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${String(<PrismaFlowDiagram counts={counts} />)}\n`
}

// Liberation Sans and Arimo are metric-compatible with Arial, so the hard wrapping fits on Linux too.
const FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', Arimo, 'DejaVu Sans', sans-serif"

const BOX_STYLE: Record<BoxKind, { fill: string; stroke: string; rx: number }> = {
  flow: { fill: '#ffffff', stroke: '#000000', rx: 0 },
  'header-databases': { fill: '#ffc000', stroke: '#000000', rx: 8 },
  'header-grey': { fill: '#d9d9d9', stroke: '#000000', rx: 8 },
  side: { fill: '#9dc3e6', stroke: '#000000', rx: 8 },
  provisional: { fill: '#fff4d6', stroke: '#b7791f', rx: 4 },
  problems: { fill: '#fde8e7', stroke: '#b3261e', rx: 4 },
}

function Box({ box }: { box: PlacedBox }) {
  const style = BOX_STYLE[box.kind]
  return (
    <g data-box={box.id} data-kind={box.kind}>
      <rect
        x={round(box.x)}
        y={round(box.y)}
        width={round(box.width)}
        height={round(box.height)}
        rx={style.rx}
        fill={style.fill}
        stroke={style.stroke}
        stroke-width='1'
      />
      {box.lines.map((line) => (
        <Line line={line} />
      ))}
    </g>
  )
}

const TEXT_STYLE: Record<TextStyle, { size?: string; weight?: string; italic?: boolean; fill?: string }> = {
  text: {},
  item: {},
  subitem: { fill: '#333333' },
  pending: { italic: true, fill: '#8a4b00' },
  header: { size: '13', weight: 'bold' },
  side: { size: '13', weight: 'bold' },
  'banner-title': { weight: 'bold' },
  banner: { fill: '#5c3d00' },
  problem: { fill: '#8c1d18' },
  footnote: { size: '10' },
}

function Line({ line }: { line: PlacedLine }) {
  const style = TEXT_STYLE[line.style]
  const x = round(line.x)
  const y = round(line.y)
  return (
    <text
      x={x}
      y={y}
      text-anchor={line.anchor}
      font-size={style.size}
      font-weight={style.weight}
      font-style={style.italic ? 'italic' : undefined}
      fill={style.fill ?? '#000000'}
      // Side labels read bottom to top, like the official template's blue bars.
      transform={line.style === 'side' ? `rotate(-90 ${x} ${y})` : undefined}
      dominant-baseline={line.style === 'side' ? 'central' : undefined}
    >
      {line.text}
    </text>
  )
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
