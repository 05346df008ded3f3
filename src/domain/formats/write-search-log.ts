/**
 * The search log as a PRISMA-S table (Rethlefsen et al. 2021): one row per search with the items a report
 * must give for each — database and platform (items 1–3), full strategy (8), limits (9), filters (10),
 * date run and coverage (13), records found (15) — as CSV for a spreadsheet and as an HTML table to paste
 * into a manuscript or supplement.
 */
import { csvFile } from './write-csv.ts'

export interface SearchLogRow {
  name: string
  kind: string
  platform: string
  dateRun: string
  coverage: string
  strategy: string
  limits: string
  filters: string
  notes: string
  /** Records imported from the search, duplicates included (PRISMA-S item 15). */
  records: number
}

export const SEARCH_LOG_COLUMNS: readonly [keyof SearchLogRow, string][] = [
  ['name', 'Source'],
  ['kind', 'Kind'],
  ['platform', 'Platform / interface'],
  ['dateRun', 'Date searched'],
  ['coverage', 'Coverage'],
  ['strategy', 'Search strategy (as run)'],
  ['limits', 'Limits and restrictions'],
  ['filters', 'Search filters'],
  ['records', 'Records found'],
  ['notes', 'Notes'],
]

export function searchLogCsv(rows: readonly SearchLogRow[]): string {
  return csvFile(
    SEARCH_LOG_COLUMNS.map(([, label]) => label),
    rows.map((row) => SEARCH_LOG_COLUMNS.map(([key]) => row[key])),
  )
}

/** A standalone HTML document with the table; strategies keep their line breaks. */
export function searchLogHtml(title: string, rows: readonly SearchLogRow[]): string {
  const head = SEARCH_LOG_COLUMNS.map(([, label]) => `<th>${escapeHtml(label)}</th>`).join('')
  const body = rows
    .map((row) => `<tr>${SEARCH_LOG_COLUMNS.map(([key]) => `<td>${escapeHtml(String(row[key]))}</td>`).join('')}</tr>`)
    .join('\n')
  const table = `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`
  const style =
    'table{border-collapse:collapse;font:13px sans-serif}th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left;white-space:pre-wrap}'
  return htmlDocument(`Search log (PRISMA-S) — ${title}`, table, style)
}

/** A minimal UTF-8 HTML document around a body that is already HTML. */
export function htmlDocument(title: string, body: string, style = ''): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n${
    style ? `<style>${style}</style>\n` : ''
  }</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>\n</html>\n`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}
