/**
 * Retrieval and studies for the demo review: some reports retrieved with a small PDF Weft writes itself,
 * one not retrieved with its reason, and one study with two reports. The lead's demo seed calls
 * `seedRetrievalDemo` once the records it passes are included at title/abstract.
 */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { reports } from '../../db/schema.ts'
import { storeFullText } from '../files/full-texts.ts'
import { markNotRetrieved, markRetrieved } from '../store/reports.ts'
import { assignReportToStudy, ensureStudyForReport, mergeStudies } from '../store/studies.ts'

function studyOf(db: Executor, recordId: number): number | null {
  return (
    db.select({ studyId: reports.studyId }).from(reports).where(eq(reports.recordId, recordId)).get()?.studyId ?? null
  )
}

/** PDF string literals escape backslashes and parentheses; anything outside printable ASCII becomes "?". */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)
}

/**
 * A valid PDF (A4, Helvetica) with one page per argument, each showing its lines, with a correct
 * cross-reference table, so browsers and pdf.js open it. Small enough to build in memory for every demo
 * report.
 *
 * @example
 * minimalPdf(['Weft demo full text', 'Report of record 12'])
 * minimalPdf(['Methods'], ['Findings', '“I am the glue”, said one link worker.'])
 */
export function minimalPdf(...pages: readonly (readonly string[])[]): Uint8Array {
  const font = 3
  const pageRef = (index: number) => 4 + 2 * index
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_page, index) => `${pageRef(index)} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  pages.forEach((lines, index) => {
    const content = [
      'BT',
      '/F1 14 Tf',
      '72 770 Td',
      '18 TL',
      ...lines.map((line) => `(${pdfText(line)}) '`),
      'ET',
    ].join('\n')
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageRef(index) + 1} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    )
  })
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(pdf.length)
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  // Everything above is ASCII, so string length equals byte length and the offsets hold.
  return new TextEncoder().encode(pdf)
}

export interface RetrievalDemoRequest {
  reviewId: number
  actorId: number
  /** Where the app stores full texts (AppDeps.filesDir). */
  filesDir: string
  /**
   * Records sought for retrieval (included at title/abstract, or from other methods), at least four. The
   * first is marked not retrieved; the others retrieved, each with a PDF.
   */
  recordIds: readonly number[]
  /**
   * Pairs of retrieved records whose reports describe one investigation: both go into one study, named
   * after the first. Works before their full-text inclusion (the study waits for them) and after it (the
   * two studies are merged). Default: records 2 and 3 of `recordIds`.
   */
  sameStudy?: readonly (readonly [number, number])[]
  now?: Date
}

/**
 * Marks the demo reports retrieved (each with its own small PDF), the first not retrieved, and merges
 * the studies of each `sameStudy` pair. Joins the caller's transaction when given one.
 *
 * @example
 * seedRetrievalDemo(tx, { reviewId: review.id, actorId: owner.id, filesDir, recordIds: includedAtTitleAbstract.slice(0, 8) })
 */
export function seedRetrievalDemo(db: Executor, request: RetrievalDemoRequest): void {
  const [notRetrieved, ...retrieved] = request.recordIds
  if (notRetrieved === undefined || retrieved.length < 3)
    throw new Error('the retrieval demo needs at least four records')
  const now = request.now ?? new Date()
  const base = { reviewId: request.reviewId, actorId: request.actorId, now }
  db.transaction((tx) => {
    markNotRetrieved(tx, {
      ...base,
      recordId: notRetrieved,
      note: 'Conference abstract only; the authors did not reply to two emails.',
    })
    for (const recordId of retrieved) {
      const stored = storeFullText(
        request.filesDir,
        minimalPdf(['Weft demo full text', `Report of record ${recordId}`]),
      )
      markRetrieved(tx, {
        ...base,
        recordId,
        file: { sha256: stored.sha256, name: `record-${recordId}.pdf`, sizeBytes: stored.sizeBytes },
      })
    }
    for (const [keep, other] of request.sameStudy ?? [[retrieved[0]!, retrieved[1]!]]) {
      const study = ensureStudyForReport(tx, keep, { actorId: request.actorId, now })
      const linked = studyOf(tx, other)
      if (linked === null) assignReportToStudy(tx, { ...base, studyId: study.id, recordId: other })
      else if (linked !== study.id) mergeStudies(tx, { ...base, intoId: study.id, fromId: linked })
    }
  })
}
