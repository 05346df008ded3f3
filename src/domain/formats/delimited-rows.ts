/**
 * RFC 4180 rows: cells separated by one delimiter character, optionally quoted with '"', a doubled
 * quote inside quotes standing for one, and quoted cells allowed to span lines (Embase and Covidence
 * abstracts do). A stray quote inside an unquoted cell is kept as text rather than failing the file.
 */
import type { ParseIssue } from './bibliographic-record.ts'

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

/** The delimiter that splits the first lines into the most columns: tab, comma or semicolon. */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 20_000).split('\n', 20)
  let best = ','
  let bestCount = 0
  for (const candidate of ['\t', ',', ';']) {
    let most = 0
    for (const line of sample) most = Math.max(most, countOutsideQuotes(line, candidate))
    if (most > bestCount) {
      best = candidate
      bestCount = most
    }
  }
  return best
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]
    if (char === '"') quoted = !quoted
    else if (!quoted && char === delimiter) count++
  }
  return count
}
