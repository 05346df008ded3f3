/**
 * RFC 4180 rows: cells separated by one delimiter character, optionally quoted with '"', a doubled
 * quote inside quotes standing for one, and quoted cells allowed to span lines (Embase and Covidence
 * abstracts do). A stray quote inside an unquoted cell is kept as text rather than failing the file.
 */
import type { ParseIssue } from './bibliographic-record.ts'

/** How far down a delimited file its header row may be (Embase puts its search query first). */
export const HEADER_SEARCH_ROWS = 30

export interface DelimitedRow {
  cells: string[]
  /** 1-based line where the row starts. */
  line: number
  /** The row exactly as written, for the record's originalText. */
  text: string
}

export function readDelimitedRows(text: string, delimiter: string, issues: ParseIssue[]): DelimitedRow[] {
  const rows: DelimitedRow[] = []
  const sep = delimiter.charCodeAt(0)
  const length = text.length
  let pos = 0
  let line = 1
  while (pos < length) {
    const rowStart = pos
    const rowLine = line
    const cells: string[] = []
    for (;;) {
      let cell: string
      if (text.charCodeAt(pos) === 34 /* " */) {
        // Quoted cell: find the closing quote, skipping doubled quotes.
        let at = pos + 1
        let value = ''
        for (;;) {
          const quote = text.indexOf('"', at)
          if (quote === -1) {
            issues.push({
              line: rowLine,
              message: `A quoted cell opened on line ${rowLine} is never closed; read to the end of the file`,
            })
            value += text.slice(at)
            at = length
            break
          }
          value += text.slice(at, quote)
          if (text.charCodeAt(quote + 1) === 34) {
            value += '"'
            at = quote + 2
            continue
          }
          at = quote + 1
          break
        }
        line += countNewlines(text, pos, at)
        // Anything between the closing quote and the delimiter is kept (`"a"b` → `ab`).
        let stop = at
        while (stop < length && text.charCodeAt(stop) !== sep && text.charCodeAt(stop) !== 10) stop++
        cell = stop > at ? value + text.slice(at, stop) : value
        pos = stop
      } else {
        let stop = pos
        while (stop < length && text.charCodeAt(stop) !== sep && text.charCodeAt(stop) !== 10) stop++
        cell = text.slice(pos, stop)
        pos = stop
      }
      cells.push(cell.endsWith('\r') ? cell.slice(0, -1) : cell)
      if (pos < length && text.charCodeAt(pos) === sep) {
        pos++
        continue
      }
      break
    }
    const rowEnd = pos
    if (pos < length) {
      pos++ // the "\n"
      line++
    }
    rows.push({ cells, line: rowLine, text: text.slice(rowStart, rowEnd) })
  }
  return rows
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  let at = text.indexOf('\n', from)
  while (at !== -1 && at < to) {
    count++
    at = text.indexOf('\n', at + 1)
  }
  return count
}

/** How much of a file the delimiter guess reads: some dozens of rows even with 2 KB abstracts. */
const GUESS_CHARS = 64 * 1024

/**
 * The delimiter (tab, comma or semicolon) under which the most rows share one width of two or more
 * cells; ties go to the wider table. Rows are read with their quoting, so a keywords cell such as
 * "adult;article;…" in a comma-separated Rayyan export cannot outvote the commas, nor commas in the
 * abstracts of Excel's semicolon-separated CSV.
 */
export function guessDelimiter(text: string): string {
  // A long file is cut after its last whole line in the sample (or, one long line, anywhere).
  const cut = text.lastIndexOf('\n', GUESS_CHARS)
  const sample = text.length <= GUESS_CHARS ? text : text.slice(0, cut > 0 ? cut + 1 : GUESS_CHARS)
  let best = ','
  let bestRows = 0
  let bestWidth = 0
  for (const candidate of ['\t', ',', ';']) {
    const rows = readDelimitedRows(sample, candidate, [])
    const widths = new Map<number, number>()
    for (const row of rows) {
      if (row.cells.length >= 2) widths.set(row.cells.length, (widths.get(row.cells.length) ?? 0) + 1)
    }
    for (const [width, count] of widths) {
      if (count > bestRows || (count === bestRows && width > bestWidth)) {
        best = candidate
        bestRows = count
        bestWidth = width
      }
    }
  }
  return best
}
