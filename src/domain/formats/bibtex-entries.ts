/**
 * Finds BibTeX entries in a file by brace matching, so each record keeps its own text and line even
 * when citation-js rejects the file as a whole. Text between entries is a comment in BibTeX.
 */
import type { ParseIssue } from './bibliographic-record.ts'
import { LineCounter } from './lines.ts'

export interface BibtexEntry {
  /** Lower-cased entry type: "article", "string", "comment"… */
  type: string
  text: string
  line: number
  /** False when the file ended before the entry's closing brace. */
  closed: boolean
}

const ENTRY_START = /@[ \t]*([A-Za-z][\w-]*)[ \t\n]*[{(]/y

export function findBibtexEntries(text: string, issues: ParseIssue[]): BibtexEntry[] {
  const entries: BibtexEntry[] = []
  const lines = new LineCounter(text)
  let from = 0
  for (;;) {
    const at = text.indexOf('@', from)
    if (at === -1) return entries
    ENTRY_START.lastIndex = at
    const head = ENTRY_START.exec(text)
    if (head === null) {
      from = at + 1
      continue
    }
    const type = (head[1] ?? '').toLowerCase()
    const open = ENTRY_START.lastIndex - 1
    const end = matchingClose(text, open)
    const line = lines.lineAt(at)
    if (end === -1) {
      // Truncated entry: it runs to the next line that starts an entry, or to the end of the file.
      const next = nextEntryLine(text, open + 1)
      const stop = next === -1 ? text.length : next
      issues.push({
        line,
        record: entries.length + 1,
        message: `BibTeX entry at line ${line} is not closed (missing "}")`,
      })
      entries.push({ type, text: text.slice(at, stop).trimEnd(), line, closed: false })
      from = stop
      continue
    }
    // Unbalanced braces inside a value (seen in EBSCO keyword fields) close the entry too early; if
    // "field = value" lines follow before the next entry, they still belong to this one.
    const next = nextEntryLine(text, end + 1)
    const gap = text.slice(end + 1, next === -1 ? text.length : next)
    if (/^[ \t]*[A-Za-z][\w-]*[ \t]*=/m.test(gap)) {
      const stop = end + 1 + gap.trimEnd().length
      issues.push({
        line,
        record: entries.length + 1,
        message: `BibTeX entry at line ${line} has unbalanced braces; read up to line ${lines.lineAt(stop)}`,
      })
      entries.push({ type, text: text.slice(at, stop), line, closed: false })
      from = stop
      continue
    }
    entries.push({ type, text: text.slice(at, end + 1), line, closed: true })
    from = end + 1
  }
}

/** Index of the brace or parenthesis that closes the one at `open`, or -1. */
function matchingClose(text: string, open: number): number {
  const opener = text.charCodeAt(open)
  const closer = opener === 123 /* { */ ? 125 : 41
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 123) depth++
    else if (code === 125) depth--
    if (opener === 40 /* ( */ && depth === 0 && code === closer) return i
    if (opener === 123 && depth === 0) return i
    if (depth < 0) return -1
  }
  return -1
}

function nextEntryLine(text: string, from: number): number {
  const match = /\n[ \t]*@[ \t]*[A-Za-z]/g
  match.lastIndex = from
  const found = match.exec(text)
  return found === null ? -1 : found.index + 1
}
