import { createReadStream, existsSync } from 'node:fs'
import { Readable } from 'node:stream'
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  ReportCard,
  reportCardId,
  retrievalListUrl,
  RetrievalCountsBar,
  type ListPosition,
} from '../../../views/retrieval/report-card.tsx'
import { RetrievalPage } from '../../../views/retrieval/retrieval-page.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import {
  discardFullText,
  fileLooksLikePdf,
  fullTextPath,
  fullTextTooLargeMessage,
  MAX_FULL_TEXT_BYTES,
  NOT_A_PDF_MESSAGE,
  storeFullTextFile,
} from '../../files/full-texts.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { afterChange } from '../../http/form-action.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { UploadTooLarge, type ReceivedFile, type ReceivedUpload } from '../../http/multipart-stream.ts'
import { isMultipart, receiveUpload } from '../../http/upload.ts'
import { formValues, validate } from '../../input/form.ts'
import { notRetrievedInput, retrievalListInput } from '../../input/retrieval-input.ts'
import { StoreConflictError } from '../../store/errors.ts'
import {
  attachedFullText,
  findSoughtReport,
  markNotRetrieved,
  markRetrieved,
  reportsSought,
  resetRetrieval,
  retrievalCounts,
  type RetrievalChange,
} from '../../store/reports.ts'
import type { SoughtReport } from '../../domain/retrieval.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * Retrieval of full texts: the list of reports sought (GET /retrieval) and, per report, retrieved (with
 * an optional PDF upload), not retrieved (with a note), back to awaiting, and the attached PDF itself.
 * After an action (`afterChange`), htmx swaps in the report's card and the counts.
 */
export const retrievalRoutes = new Hono<ReviewEnv>()

const PAGE_SIZE = 50

type Refusal = { message: string; note?: string }

function listPosition(values: Record<string, string | undefined>): ListPosition {
  const { state, after } = retrievalListInput.parse(values)
  return { state, after }
}

function renderPage(
  c: Context<ReviewEnv>,
  at: ListPosition,
  status: 200 | 409 | 413 | 422 = 200,
  refusal?: Refusal & { recordId: number },
  card?: SoughtReport,
) {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const { reports, nextAfterId } = reportsSought(db, reviewId, {
    filter: at.state,
    limit: PAGE_SIZE,
    ...(at.after !== undefined ? { afterId: at.after } : {}),
  })
  // A refused report that the filter hides would take its message with it: show it on top of the page.
  const shown =
    refusal && !reports.some((r) => r.recordId === refusal.recordId)
      ? findSoughtReport(db, reviewId, refusal.recordId)
      : undefined
  return c.render(
    <RetrievalPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'retrieval')}
      base={reviewPath(c)}
      canEdit={roleAtLeast(c.get('role'), 'reviewer')}
      counts={retrievalCounts(db, reviewId)}
      at={at}
      reports={shown ? [shown, ...reports] : reports}
      nextAfterId={nextAfterId}
      refusal={refusal}
    />,
    { status, fragment: card ? <CardAndCounts c={c} at={at} report={card} refusal={refusal} /> : undefined },
  )
}

/** The answer to an action: the card and counts for htmx, otherwise a redirect back to the list position. */
function answer(c: Context<ReviewEnv>, at: ListPosition, report: SoughtReport, done: string) {
  const back = `${retrievalListUrl(reviewPath(c), at.state, at.after)}#${reportCardId(report.recordId)}`
  return afterChange(c, done, back, () => c.render(<CardAndCounts c={c} at={at} report={report} />))
}

/** What htmx swaps after an action on a report: its card, and the counts out of band. */
function CardAndCounts(props: {
  c: Context<ReviewEnv>
  at: ListPosition
  report: SoughtReport
  refusal?: Refusal | undefined
}) {
  const { c, at } = props
  const base = reviewPath(c)
  return (
    <>
      <ReportCard
        report={props.report}
        base={base}
        csrf={pageContext(c.var).csrf}
        canEdit
        at={at}
        refusal={props.refusal}
      />
      <RetrievalCountsBar
        counts={retrievalCounts(c.get('deps').db, c.get('review').id)}
        listUrl={`${base}/retrieval`}
        state={at.state}
        oob
      />
    </>
  )
}

function refuse(c: Context<ReviewEnv>, at: ListPosition, recordId: number, status: 409 | 413 | 422, refusal: Refusal) {
  const report = findSoughtReport(c.get('deps').db, c.get('review').id, recordId)
  // An upload refused for its size has no card to show it on: the page says it above the list.
  return renderPage(c, at, status, { ...refusal, recordId }, status === 413 ? undefined : report)
}

function requireReport(c: Context<ReviewEnv>, recordId: number): SoughtReport {
  const report = findSoughtReport(c.get('deps').db, c.get('review').id, recordId)
  if (!report)
    throw new HTTPException(404, { message: `Record ${recordId} is not a report sought for retrieval in this review.` })
  return report
}

function change(c: Context<ReviewEnv>, recordId: number): RetrievalChange {
  return { reviewId: c.get('review').id, recordId, actorId: c.get('user').id, now: c.get('deps').now() }
}

/**
 * Runs a store action; a refusal because of the report's state (e.g. screened at full text) becomes a
 * 409. `undo` takes back what was done outside the database when the action does not go through.
 */
function attempt(
  c: Context<ReviewEnv>,
  at: ListPosition,
  recordId: number,
  act: () => SoughtReport,
  done: string,
  undo = () => {},
) {
  let report: SoughtReport
  try {
    report = act()
  } catch (error) {
    undo()
    if (!(error instanceof StoreConflictError)) throw error
    return refuse(c, at, recordId, 409, { message: error.message })
  }
  return answer(c, at, report, done)
}

retrievalRoutes.get('/retrieval', (c) => renderPage(c, listPosition(c.req.query())))

/** What a multipart post sent: the form's fields and the PDF streamed to a temporary file, or why not. */
type ReceivedPdf =
  | { ok: true; at: ListPosition; file: ReceivedFile; remove: () => Promise<void> }
  | { ok: false; at: ListPosition; status: 413 | 422; message: string; remove: () => Promise<void> }

/**
 * Streams the upload to a temporary file under the size limit (a chunked upload that declared no
 * length is cut off there), then checks it is a PDF.
 */
async function receivePdf(c: Context<ReviewEnv>): Promise<ReceivedPdf> {
  let upload: ReceivedUpload
  try {
    upload = await receiveUpload(c, { fileField: 'file', maxBytes: MAX_FULL_TEXT_BYTES })
  } catch (error) {
    if (!(error instanceof UploadTooLarge)) throw error
    const nothing = async () => undefined
    return { ok: false, at: listPosition({}), status: 413, message: fullTextTooLargeMessage(), remove: nothing }
  }
  const at = listPosition(formValues(upload.fields))
  const file = upload.files[0]
  if (!file) return { ok: false, at, status: 422, message: 'Choose the report’s PDF to attach.', remove: upload.remove }
  if (!fileLooksLikePdf(file.path))
    return { ok: false, at, status: 422, message: NOT_A_PDF_MESSAGE, remove: upload.remove }
  return { ok: true, at, file, remove: upload.remove }
}

/** Marks the report retrieved; a multipart post attaches its PDF, a plain one (a quick button) does not. */
retrievalRoutes.post('/reports/:recordId/retrieved', requireRole('reviewer'), async (c) => {
  const recordId = idParam(c, 'recordId')
  requireReport(c, recordId)
  const { db, filesDir } = c.get('deps')
  if (!isMultipart(c)) {
    const at = listPosition(formValues(await c.req.parseBody()))
    return attempt(c, at, recordId, () => markRetrieved(db, change(c, recordId)), `Record ${recordId}: retrieved.`)
  }
  const pdf = await receivePdf(c)
  try {
    if (!pdf.ok) return refuse(c, pdf.at, recordId, pdf.status, { message: pdf.message })
    const stored = storeFullTextFile(filesDir, pdf.file)
    const name = pdf.file.fileName.slice(0, 255)
    return attempt(
      c,
      pdf.at,
      recordId,
      () =>
        markRetrieved(db, {
          ...change(c, recordId),
          file: { sha256: stored.sha256, name, sizeBytes: stored.sizeBytes },
        }),
      `Record ${recordId}: retrieved, ${name} attached.`,
      // The database refused: a file only this upload wrote must not stay behind.
      () => discardFullText(filesDir, stored),
    )
  } finally {
    await pdf.remove()
  }
})

retrievalRoutes.post('/reports/:recordId/not-retrieved', requireRole('reviewer'), async (c) => {
  const recordId = idParam(c, 'recordId')
  const values = formValues(await c.req.parseBody())
  const at = listPosition(values)
  requireReport(c, recordId)
  const input = validate(notRetrievedInput, values)
  if (!input.ok)
    return refuse(c, at, recordId, 422, {
      message: input.errors['note'] ?? 'Check the note.',
      note: values['note'] ?? '',
    })
  const note = input.value.note
  return attempt(
    c,
    at,
    recordId,
    () => markNotRetrieved(c.get('deps').db, { ...change(c, recordId), note }),
    `Record ${recordId}: not retrieved.`,
  )
})

retrievalRoutes.post('/reports/:recordId/awaiting', requireRole('reviewer'), async (c) => {
  const recordId = idParam(c, 'recordId')
  const at = listPosition(formValues(await c.req.parseBody()))
  requireReport(c, recordId)
  return attempt(
    c,
    at,
    recordId,
    () => resetRetrieval(c.get('deps').db, change(c, recordId)),
    `Record ${recordId}: back to awaiting retrieval.`,
  )
})

/** `inline`, with the name as typed (RFC 6266/5987) and a plain-ASCII fallback for old clients. */
function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  // encodeURIComponent leaves ' ( ) * alone, which RFC 5987 does not allow in the value.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

retrievalRoutes.get('/reports/:recordId/file', (c) => {
  const { db, filesDir } = c.get('deps')
  const file = attachedFullText(db, c.get('review').id, idParam(c, 'recordId'))
  if (!file) throw new HTTPException(404, { message: 'This review has no full text attached to that report.' })
  const path = fullTextPath(filesDir, file.sha256)
  if (!existsSync(path)) {
    throw new HTTPException(404, {
      message: `The PDF of this report (${file.fileName}) is missing from the data directory. Attach it again.`,
    })
  }
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream
  return c.body(body, 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': inlineDisposition(file.fileName),
    // Members only: a shared cache must not keep it; the content never changes under its hash.
    'Cache-Control': 'private, max-age=0, must-revalidate',
    ETag: `"${file.sha256}"`,
  })
})
