/**
 * One export as a file: its bytes (text), MIME type and file name. The Report page's download links and
 * `weft export` both come here, so the browser and the shell hand out the same files.
 */
import type { Executor } from '../../db/client.ts'
import type { Review } from '../../db/schema.ts'
import { referenceList, writeReferences, type CitationStyle } from '../domain/formats/cite-export.ts'
import { CITATION_FIELDS } from '../domain/formats/bibliographic-record.ts'
import type { CitableRecord } from '../domain/formats/record-to-csl.ts'
import { csvFile } from '../domain/formats/write-csv.ts'
import { decisionsCsv } from '../domain/formats/write-decisions-csv.ts'
import { htmlDocument, searchLogCsv, searchLogHtml } from '../domain/formats/write-search-log.ts'
import type { VoteViewer } from '../domain/screening/blinding.ts'
import type { ExportInput } from '../input/export-input.ts'
import {
  decisionHistory,
  includedReports,
  includedStudies,
  searchLogRows,
  uniqueRecordsForCitation,
} from './exports.ts'
import { labelsOfRecords } from './record-labels.ts'
import { recordsForExport } from './records.ts'

export interface ExportFile {
  body: string
  contentType: string
  fileName: string
}

const CONTENT_TYPES: Record<ExportInput['format'], string> = {
  ris: 'application/x-research-info-systems; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  csljson: 'application/vnd.citationstyles.csl+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

const EXTENSIONS: Record<ExportInput['format'], string> = {
  ris: 'ris',
  bibtex: 'bib',
  csljson: 'json',
  csv: 'csv',
  text: 'txt',
  html: 'html',
}

const RECORD_COLUMNS = ['id', 'source', 'batch', 'duplicate_of', 'doi', 'pmid', 'title', 'year', 'labels'] as const
const REPORT_COLUMNS = ['id', 'study', ...CITATION_FIELDS, 'labels'] as const

/** `viewer`: who asks (the decisions under blind screening depend on it); the shell passes OPERATOR. */
export function exportFile(db: Executor, review: Review, input: ExportInput, viewer: VoteViewer): ExportFile {
  const stem =
    input.format === 'text' || input.format === 'html'
      ? `${review.slug}-${input.what}-${input.style}`
      : `${review.slug}-${input.what}`
  return {
    body: exportBody(db, review, input, viewer),
    contentType: CONTENT_TYPES[input.format],
    fileName: `${stem}.${EXTENSIONS[input.format]}`,
  }
}

function exportBody(db: Executor, review: Review, { what, format, style }: ExportInput, viewer: VoteViewer): string {
  if (what === 'decisions') return decisionsCsv(decisionHistory(db, review.id, viewer))
  if (what === 'search-log') {
    const rows = searchLogRows(db, review.id)
    return format === 'html' ? searchLogHtml(review.title, rows) : searchLogCsv(rows)
  }
  const labels = labelsOfRecords(db, review.id)
  if (what === 'identified') return recordsCsv(db, review.id, labels, { duplicates: true })
  if (what === 'records' && format === 'csv') return recordsCsv(db, review.id, labels, { duplicates: false })
  const references: CitableRecord[] = withLabels(
    what === 'records'
      ? uniqueRecordsForCitation(db, review.id)
      : what === 'included'
        ? includedReports(db, review.id)
        : includedStudies(db, review.id),
    labels,
  )
  if (format === 'csv') return reportsCsv(references, labels)
  if (format === 'text' || format === 'html') return referenceListFile(review, what, references, style, format)
  return writeReferences(references, format)
}

/**
 * A record's labels travel in its note (RIS N1, BibTeX note, CSL-JSON note), after what the note says
 * already: "Study: Moffatt 2017; Labels: to check; qualitative". Labels are not votes, so nothing blind leaks.
 */
function withLabels<T extends CitableRecord>(references: readonly T[], labels: Map<number, string[]>): T[] {
  return references.map((reference) => {
    const own = labels.get(reference.id)
    if (!own) return reference
    return { ...reference, note: [reference.note, `Labels: ${own.join('; ')}`].filter(Boolean).join('; ') }
  })
}

const labelCell = (labels: Map<number, string[]>, recordId: number) => (labels.get(recordId) ?? []).join('; ')

/**
 * Records as CSV, each with its labels last: after deduplication (`records`, the same records as its RIS),
 * or every record identified with duplicates saying which record they duplicate (`identified`).
 */
function recordsCsv(
  db: Executor,
  reviewId: number,
  labels: Map<number, string[]>,
  options: { duplicates: boolean },
): string {
  return csvFile(
    RECORD_COLUMNS,
    recordsForExport(db, reviewId, options).map((record) => [
      record.id,
      record.source,
      record.batch,
      record.duplicateOf,
      record.doi,
      record.pmid,
      record.title,
      record.year,
      labelCell(labels, record.id),
    ]),
  )
}

function reportsCsv(
  references: readonly (CitableRecord & { study?: string | null })[],
  labels: Map<number, string[]>,
): string {
  return csvFile(
    REPORT_COLUMNS,
    references.map((r) => [
      r.id,
      r.study ?? '',
      ...CITATION_FIELDS.map((field) => (field === 'authors' ? r.authors.join('; ') : r[field])),
      labelCell(labels, r.id),
    ]),
  )
}

const LIST_TITLES = { records: 'Records', included: 'Included reports', studies: 'Included studies' } as const

function referenceListFile(
  review: Review,
  what: keyof typeof LIST_TITLES,
  references: readonly CitableRecord[],
  style: CitationStyle,
  format: 'text' | 'html',
): string {
  const list = referenceList(references, style, format)
  return format === 'html' ? htmlDocument(`${LIST_TITLES[what]} — ${review.title}`, list) : list
}
