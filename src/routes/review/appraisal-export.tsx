import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { ExportDocument } from '../../../views/appraisal/export-document.tsx'
import { CSV_BYTE_ORDER_MARK, csvLine, type CsvCell } from '../../domain/formats/write-csv.ts'
import type { ReviewEnv } from '../../http/env.ts'

/** A CSV attachment as Excel opens it (UTF-8 with a byte-order mark), named after the review. */
export function csvDownload(
  c: Context<ReviewEnv>,
  name: string,
  header: readonly CsvCell[],
  rows: readonly (readonly CsvCell[])[],
) {
  const body = CSV_BYTE_ORDER_MARK + csvLine(header) + rows.map(csvLine).join('')
  c.header('Content-Type', 'text/csv; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="${c.get('review').slug}-${name}.csv"`)
  return c.body(body)
}

/** A table as a standalone HTML file to keep or paste into a manuscript. */
export function htmlDownload(c: Context<ReviewEnv>, name: string, title: string, table: Child) {
  c.header('Content-Disposition', `attachment; filename="${c.get('review').slug}-${name}.html"`)
  return c.render(<ExportDocument title={`${title} — ${c.get('review').title}`}>{table}</ExportDocument>)
}
