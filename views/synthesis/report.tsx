import { REPORT_ELSEWHERE, type ReportModel } from '../../src/domain/reporting/synthesis-report.ts'
import type { ArgumentFigure } from '../../src/domain/synthesis/line-of-argument-layout.ts'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { EvidencePageList } from './checklist.tsx'
import { LineOfArgumentSvg } from './line-of-argument-svg.tsx'
import { ExportDocument, TableView } from './simple-table.tsx'
import { DownloadLinks, SynthesisLayout } from './synthesis-layout.tsx'

/** The report's body: the same in the page and in the downloaded HTML. */
export function ReportBody(props: {
  model: ReportModel
  figure: ArgumentFigure | null
  reviewBase: string
  nodeHref: (id: number) => string
}) {
  const { model } = props
  return (
    <article class='synthesis-report'>
      {model.question ? (
        <p>
          <strong>Review question:</strong> {model.question}
        </p>
      ) : null}
      <h2>Line of argument</h2>
      {model.statement ? <p class='prose'>{model.statement}</p> : <p class='empty'>No statement yet.</p>}
      {props.figure ? (
        <figure>
          <LineOfArgumentSvg figure={props.figure} nodeHref={props.nodeHref} title='Line-of-argument model' />
        </figure>
      ) : null}
      <h2>Third-order constructs</h2>
      {model.thirdOrders.length === 0 ? <p class='empty'>None yet.</p> : null}
      {model.thirdOrders.map((thirdOrder) => (
        <section>
          <h3>{thirdOrder.label}</h3>
          {thirdOrder.definition ? <p class='prose'>{thirdOrder.definition}</p> : null}
          <p>
            <strong>Contributing studies ({thirdOrder.studies.length}):</strong>{' '}
            {thirdOrder.studies.join('; ') || 'none linked yet'}
          </p>
          {thirdOrder.quotes.map((quote) => (
            <blockquote>
              “{quote.text}”{' '}
              <span class='muted'>
                ({quote.study}
                {quote.page ? `, p. ${quote.page}` : ''})
              </span>
            </blockquote>
          ))}
        </section>
      ))}
      <h2>Summary of Qualitative Findings (GRADE-CERQual)</h2>
      <TableView table={model.soqf} />
      <h2>Search, selection, characteristics and appraisal</h2>
      <EvidencePageList keys={REPORT_ELSEWHERE} reviewBase={props.reviewBase} />
      <h2>eMERGe reporting checklist</h2>
      <TableView
        table={{
          title: 'eMERGe',
          columns: ['#', 'Item', 'Location in manuscript', 'Notes'],
          rows: model.emerge.map((row) => [String(row.number), row.heading, row.location, row.notes]),
        }}
      />
    </article>
  )
}

export function ReportPage(props: {
  page: PageContext
  nav: ReviewNav
  model: ReportModel
  figure: ArgumentFigure | null
}) {
  const reviewBase = `/reviews/${props.nav.slug}`
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='report' title='Synthesis report'>
      <h1>Synthesis report</h1>
      <DownloadLinks href={`${reviewBase}/synthesis/report/export`} what='the report' formats={['html', 'md']} />
      <ReportBody
        model={props.model}
        figure={props.figure}
        reviewBase={reviewBase}
        nodeHref={(id) => `${reviewBase}/synthesis/third-order/${id}`}
      />
    </SynthesisLayout>
  )
}

/** The downloaded report: links point back at the Weft server it came from. */
export function ReportDocument(props: {
  model: ReportModel
  figure: ArgumentFigure | null
  origin: string
  slug: string
}) {
  const reviewBase = `${props.origin}/reviews/${props.slug}`
  return (
    <ExportDocument title='Synthesis report' reviewTitle={props.model.reviewTitle}>
      <h1>Synthesis report</h1>
      <ReportBody
        model={props.model}
        figure={props.figure}
        reviewBase={reviewBase}
        nodeHref={(id) => `${reviewBase}/synthesis/third-order/${id}`}
      />
    </ExportDocument>
  )
}
