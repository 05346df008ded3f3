import { authorLine } from '../../src/domain/text/author-line.ts'
import type { Child } from 'hono/jsx'
import type { RetrievalCounts, RetrievalFilter, SoughtReport } from '../../src/domain/retrieval.ts'
import { doiUrl } from '../components/doi.ts'
import { UploadFormShell } from '../imports/upload-form.tsx'
import { SwapForm } from '../components/swap-form.tsx'

export const COUNTS_ID = 'retrieval-counts'

export const RETRIEVAL_LABELS = {
  awaiting: 'Awaiting retrieval',
  retrieved: 'Retrieved',
  not_retrieved: 'Not retrieved',
} as const

/** Where the list stood when a form was posted, so the plain (no-JavaScript) answer goes back there. */
export interface ListPosition {
  state: RetrievalFilter
  after: number | undefined
}

export interface ReportCardProps {
  report: SoughtReport
  base: string
  csrf: () => string
  canEdit: boolean
  at: ListPosition
  /** Why the last action on this report was refused, and the note as typed. */
  refusal?: { message: string; note?: string } | undefined
}

/** The list at a filter and keyset position, e.g. /reviews/x/retrieval?state=awaiting&after=120. */
export function retrievalListUrl(base: string, state: RetrievalFilter, after?: number): string {
  const query = new URLSearchParams()
  if (state !== 'all') query.set('state', state)
  if (after !== undefined) query.set('after', String(after))
  return query.size > 0 ? `${base}/retrieval?${query}` : `${base}/retrieval`
}

export function reportCardId(recordId: number): string {
  return `report-${recordId}`
}

export function authorsShort(authors: readonly string[]): string {
  return authorLine(authors, 3) || 'No authors recorded'
}

export function fileSize(bytes: number | null): string {
  if (bytes === null) return ''
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function PositionFields({ at }: { at: ListPosition }) {
  return (
    <>
      <input type='hidden' name='state' value={at.state} />
      {at.after !== undefined ? <input type='hidden' name='after' value={String(at.after)} /> : null}
    </>
  )
}

/** A quick action: a plain post without JavaScript; with htmx, the answer replaces just this report. */
function RowAction(props: ReportCardProps & { action: string; children: Child; class?: string }) {
  const url = `${props.base}/reports/${props.report.recordId}/${props.action}`
  return (
    <SwapForm action={url} swap={reportCardId(props.report.recordId)} csrf={props.csrf} class={props.class ?? 'inline'}>
      <PositionFields at={props.at} />
      {props.children}
    </SwapForm>
  )
}

function PdfUpload(props: ReportCardProps) {
  const { report } = props
  const id = `pdf-${report.recordId}`
  return (
    <UploadFormShell
      action={`${props.base}/reports/${report.recordId}/retrieved`}
      csrf={props.csrf}
      submitLabel={report.fileSha256 ? 'Replace the PDF' : 'Attach PDF and mark retrieved'}
    >
      <PositionFields at={props.at} />
      <label for={id}>{report.fileSha256 ? 'Another PDF' : 'Full text (PDF, up to 50 MB)'}</label>
      <input id={id} name='file' type='file' accept='application/pdf,.pdf' required />
    </UploadFormShell>
  )
}

function NotRetrievedForm(props: ReportCardProps) {
  const { report, refusal } = props
  const id = `note-${report.recordId}`
  return (
    <details class='inline-edit' open={refusal?.note !== undefined}>
      <summary>Not retrieved…</summary>
      <RowAction {...props} action='not-retrieved' class='not-retrieved'>
        <label for={id}>Why could it not be retrieved?</label>
        {refusal?.note !== undefined ? (
          <p class='error-message' id={`${id}-error`}>
            {refusal.message}
          </p>
        ) : null}
        <textarea
          id={id}
          name='note'
          rows={2}
          maxlength={2000}
          aria-describedby={refusal?.note !== undefined ? `${id}-error` : undefined}
        >
          {refusal?.note ?? ''}
        </textarea>
        <button type='submit' class='small'>
          Mark not retrieved
        </button>
      </RowAction>
    </details>
  )
}

function Actions(props: ReportCardProps) {
  const { report } = props
  if (report.retrieval === 'not_retrieved') {
    return (
      <RowAction {...props} action='awaiting'>
        <button type='submit' class='small secondary'>
          Undo: back to awaiting
        </button>
      </RowAction>
    )
  }
  return (
    <div class='report-actions'>
      {report.retrieval === 'awaiting' ? (
        <>
          <RowAction {...props} action='retrieved'>
            <button type='submit' class='small'>
              Mark retrieved (no PDF)
            </button>
          </RowAction>
          <NotRetrievedForm {...props} />
        </>
      ) : (
        <RowAction {...props} action='awaiting'>
          <button type='submit' class='small secondary'>
            Undo: back to awaiting
          </button>
        </RowAction>
      )}
      <PdfUpload {...props} />
    </div>
  )
}

/** A refused note shows beside the note; a report that is no longer awaiting has no note form to show it in. */
function shownInNoteForm({ refusal, canEdit, report }: ReportCardProps): boolean {
  return refusal?.note !== undefined && canEdit && report.retrieval === 'awaiting'
}

/** One report sought: the citation, where it stands, and what a reviewer can do with it. */
export function ReportCard(props: ReportCardProps) {
  const { report, refusal } = props
  return (
    <article class={`report report-${report.retrieval}`} id={reportCardId(report.recordId)}>
      <h3>{report.title ?? '(no title)'}</h3>
      <p class='muted'>
        {authorsShort(report.authors)} · {report.year ?? 'n.d.'}
        {report.journal ? ` · ${report.journal}` : ''} · record {report.recordId} · {report.sourceName}
        {report.column === 'other_methods' ? ' (other methods)' : ''}
        {report.doi ? (
          <>
            {' · '}
            <a href={doiUrl(report.doi)} target='_blank' rel='noopener' class='doi-link' hx-boost='false'>
              doi:{report.doi}
            </a>
          </>
        ) : null}
      </p>
      <p>
        <strong class='retrieval-state'>{RETRIEVAL_LABELS[report.retrieval]}</strong>
        {report.retrieval === 'not_retrieved' ? <span class='prose'> — {report.retrievalNote}</span> : null}
        {report.fileSha256 ? (
          <>
            {' · '}
            <a href={`${props.base}/reports/${report.recordId}/file`} target='_blank' rel='noopener'>
              Open PDF
            </a>{' '}
            <span class='muted'>
              ({report.fileName}, {fileSize(report.fileSize)})
            </span>
          </>
        ) : null}
        {report.updatedByName ? <span class='muted'> · by {report.updatedByName}</span> : null}
      </p>
      {refusal && !shownInNoteForm(props) ? (
        <p class='error-message' role='alert'>
          {refusal.message}
        </p>
      ) : null}
      {props.canEdit ? <Actions {...props} /> : null}
    </article>
  )
}

/** The counts, each a filter link; `oob` marks the copy an htmx answer sends to refresh them in place. */
export function RetrievalCountsBar(props: { counts: RetrievalCounts; listUrl: string; state: string; oob?: boolean }) {
  const { counts } = props
  const link = (state: string, label: string, n: number) => (
    <a
      href={state === 'all' ? props.listUrl : `${props.listUrl}?state=${state}`}
      aria-current={props.state === state ? 'true' : undefined}
    >
      {label}: <strong>{n.toLocaleString('en')}</strong>
    </a>
  )
  return (
    <nav
      id={COUNTS_ID}
      class='duplicate-counts retrieval-counts'
      aria-label='Filter by retrieval'
      hx-swap-oob={props.oob ? 'true' : undefined}
    >
      {link('all', 'Sought', counts.sought)}
      {link('awaiting', 'Awaiting', counts.awaiting)}
      {link('retrieved', 'Retrieved', counts.retrieved)}
      {link('not_retrieved', 'Not retrieved', counts.notRetrieved)}
    </nav>
  )
}
