import type { RetrievalCounts, SoughtReport } from '../../src/domain/retrieval.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import {
  ReportCard,
  retrievalListUrl,
  RetrievalCountsBar,
  type ListPosition,
  type ReportCardProps,
} from './report-card.tsx'

export interface RetrievalPageProps {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  counts: RetrievalCounts
  at: ListPosition
  reports: SoughtReport[]
  nextAfterId: number | null
  /** A refused action, shown at its report (and at the top, so it is not missed). */
  refusal?: { recordId: number; message: string; note?: string } | undefined
}

const EMPTY_MESSAGES: Record<string, string> = {
  all: 'No reports are sought yet. Records included at title/abstract, and records from other methods (websites, organisations, citation searching), appear here.',
  awaiting: 'No report awaits retrieval.',
  retrieved: 'No report has been retrieved yet.',
  not_retrieved: 'No report is marked not retrieved.',
}

/** Reports sought for retrieval, with counts that double as filters, and keyset pages of 50. */
export function RetrievalPage(props: RetrievalPageProps) {
  const listUrl = `${props.base}/retrieval`
  const pageUrl = (after?: number) => retrievalListUrl(props.base, props.at.state, after)
  const card = (report: SoughtReport): ReportCardProps => ({
    report,
    base: props.base,
    csrf: props.page.csrf,
    canEdit: props.canEdit,
    at: props.at,
    refusal: props.refusal?.recordId === report.recordId ? props.refusal : undefined,
  })
  return (
    <Layout page={props.page} title='Retrieval' review={props.nav}>
      <h1>Reports sought for retrieval</h1>
      <p>
        Find the full text of each report: attach its PDF (it opens in the browser for full-text screening), mark it
        retrieved without one, or say why it could not be retrieved. PRISMA counts reports sought and not retrieved from
        these.
      </p>
      {props.refusal ? (
        <div class='error-summary' role='alert' tabindex={-1}>
          <h2>There is a problem</h2>
          <p>
            <a href={`#report-${props.refusal.recordId}`}>Record {props.refusal.recordId}</a>: {props.refusal.message}
          </p>
        </div>
      ) : null}
      <RetrievalCountsBar counts={props.counts} listUrl={listUrl} state={props.at.state} />
      {props.reports.length === 0 ? (
        <p class='empty'>{EMPTY_MESSAGES[props.at.state] ?? EMPTY_MESSAGES['all']}</p>
      ) : null}
      <div class='reports'>
        {props.reports.map((report) => (
          <ReportCard {...card(report)} />
        ))}
      </div>
      <nav class='pager' aria-label='Pages'>
        {props.at.after !== undefined ? <a href={pageUrl()}>First page</a> : null}{' '}
        {props.nextAfterId !== null ? <a href={pageUrl(props.nextAfterId)}>Next page</a> : null}
      </nav>
    </Layout>
  )
}
