/**
 * CSV as Excel and reference managers read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order
 * mark so Excel does not show accented names as mojibake.
 */
export type CsvCell = string | number | null | undefined

const NEEDS_QUOTES = /[",\r\n]/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  // A leading =, +, - or @ makes spreadsheets run the cell as a formula; a quote mark keeps it text.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

export const CSV_BYTE_ORDER_MARK = '\uFEFF'

/** A whole CSV file: the byte-order mark, the heading line, then one line per row. */
export function csvFile(header: readonly CsvCell[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [CSV_BYTE_ORDER_MARK + csvLine(header)]
  for (const row of rows) lines.push(csvLine(row))
  return lines.join('')
}
