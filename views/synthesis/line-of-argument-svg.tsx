import { FIGURE, type ArgumentFigure } from '../../src/domain/synthesis/line-of-argument-layout.ts'

/** The fonts the layout measured with come last: DejaVu Sans is the widest, the others fit in its space. */
const FIGURE_FONT_FAMILY = "Arial, Helvetica, 'Liberation Sans', Arimo, 'DejaVu Sans', sans-serif"

function round(value: number): number {
  return Math.round(value * 10) / 10
}

/**
 * The line-of-argument model drawn on the server: levels as bands, third-order constructs as boxes that
 * link to their detail page, relations as labelled arrows routed by the layout (ELK) around the boxes.
 * Self-contained (own xmlns and styles in attributes) so the same markup is the downloaded .svg and .png.
 */
export function LineOfArgumentSvg(props: {
  figure: ArgumentFigure
  nodeHref: (thirdOrderId: number) => string
  title: string
}) {
  const { figure } = props
  return (
    <svg
      xmlns='http://www.w3.org/2000/svg'
      class='line-of-argument'
      viewBox={`0 0 ${figure.width} ${figure.height}`}
      width={String(figure.width)}
      height={String(figure.height)}
      role='img'
      aria-labelledby='loa-title'
      font-family={FIGURE_FONT_FAMILY}
      font-size={String(FIGURE.fontSize)}
    >
      <title id='loa-title'>{props.title}</title>
      <defs>
        <marker id='loa-arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='8' markerHeight='8' orient='auto'>
          <path d='M 0 0 L 10 5 L 0 10 z' fill='#2f5d8a' />
        </marker>
      </defs>
      {figure.bands.map((band, index) => (
        <g class='band'>
          <rect
            x='0'
            y={String(band.y)}
            width={String(figure.width)}
            height={String(band.height)}
            fill={index % 2 === 0 ? '#f3f5f8' : '#e9edf3'}
          />
          <text
            x={String(FIGURE.margin)}
            y={String(round(band.y + band.height / 2))}
            dominant-baseline='central'
            font-weight='700'
            fill='#1f2430'
          >
            {band.label}
          </text>
        </g>
      ))}
      {figure.arrows.map((arrow) => (
        <g
          class='relation'
          data-relation={String(arrow.relationId)}
          data-from={String(arrow.fromNodeId)}
          data-to={String(arrow.toNodeId)}
        >
          <polyline
            points={arrow.points.map((point) => `${round(point.x)},${round(point.y)}`).join(' ')}
            fill='none'
            stroke='#2f5d8a'
            stroke-width='1.5'
            marker-end='url(#loa-arrow)'
          />
          {arrow.labelBox ? (
            <text
              x={String(round(arrow.labelBox.x + arrow.labelBox.width / 2))}
              y={String(round(arrow.labelBox.y + arrow.labelBox.height / 2))}
              dominant-baseline='central'
              text-anchor='middle'
              font-size={String(FIGURE.labelFontSize)}
              fill='#1f2430'
            >
              {arrow.label}
            </text>
          ) : null}
        </g>
      ))}
      {figure.boxes.map((box) => (
        <a href={props.nodeHref(box.thirdOrderId)} class='node' data-node={String(box.nodeId)}>
          <rect
            x={String(box.x)}
            y={String(box.y)}
            width={String(box.width)}
            height={String(box.height)}
            rx='6'
            fill='#ffffff'
            stroke='#2f5d8a'
            stroke-width='1.5'
          />
          <text
            x={String(box.x + box.width / 2)}
            y={String(box.y + FIGURE.boxPadding + FIGURE.lineHeight - 4)}
            text-anchor='middle'
            fill='#1f2430'
          >
            {box.lines.map((line, index) => (
              <tspan x={String(box.x + box.width / 2)} dy={index === 0 ? '0' : String(FIGURE.lineHeight)}>
                {line}
              </tspan>
            ))}
          </text>
        </a>
      ))}
    </svg>
  )
}
