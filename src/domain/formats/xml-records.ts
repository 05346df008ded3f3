/**
 * The record loop of the XML reference formats (EndNote XML's <record>, PubMed's <PubmedArticle>):
 * each record element in file order, read by the format's own mapping. A record cut off (no closing
 * tag before the next record or the end of the file) is read up to there and reported, so a truncated
 * file still yields every complete record before the cut.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { LineCounter } from './lines.ts'
import type { ParseOutput } from './parse-output.ts'
import { indexOfOpenTag } from './xml-scan.ts'

export interface XmlRecordKind {
  /** The record elements, any of which may come next ("PubmedArticle", "PubmedBookArticle"). */
  names: readonly string[]
  /** How a record is named in messages: "EndNote XML record". */
  label: string
  /** The message for a file without any record element. */
  noneFound: string
}

export function parseXmlRecords(
  text: string,
  kind: XmlRecordKind,
  read: (xml: string, line: number) => BibliographicRecord,
): ParseOutput {
  const records: BibliographicRecord[] = []
  const issues: ParseIssue[] = []
  const lines = new LineCounter(text)
  let from = 0
  for (;;) {
    const { start, name } = nextRecord(text, kind.names, from)
    if (start === -1) break
    const line = lines.lineAt(start)
    const number = records.length + 1
    const close = `</${name}>`
    let end = text.indexOf(close, start)
    const next = nextRecord(text, kind.names, start + name.length + 1).start
    if (end === -1 || (next !== -1 && next < end)) {
      end = next === -1 ? text.length : next
      issues.push({
        line,
        record: number,
        message: `${kind.label} ${number} has no closing ${close}; read up to ${next === -1 ? 'the end of the file' : `line ${lines.lineAt(next)}`}`,
      })
    } else {
      end += close.length
    }
    try {
      records.push(read(text.slice(start, end), line))
    } catch (error) {
      issues.push({ line, record: number, message: `${kind.label} ${number} could not be read: ${String(error)}` })
    }
    from = end
  }
  if (records.length === 0 && text.trim() !== '') issues.push({ line: 1, message: kind.noneFound })
  return { records, issues }
}

/** The first of the named elements from `from` on, and which one it is. */
function nextRecord(text: string, names: readonly string[], from: number): { start: number; name: string } {
  let found = { start: -1, name: names[0] ?? '' }
  for (const name of names) {
    const start = indexOfOpenTag(text, name, from)
    if (start !== -1 && (found.start === -1 || start < found.start)) found = { start, name }
  }
  return found
}
