/**
 * EndNote tagged text (.enw, .enl, "EndNote" exports of library catalogues, AIS eLibrary, Google
 * Scholar, SpringerLink): "%0 Journal Article", "%T Title", "%A Family, Given" … one field per line,
 * records separated by blank lines. Real files do not always begin a record with %0 (AIS writes %T
 * first, and front matter has no %0 at all), so a blank line, not %0, ends a record.
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { SPACE } from './char-codes.ts'
import {
  cleanList,
  cleanMarkup,
  cleanText,
  findDoi,
  endnotePmid,
  firstText,
  splitKeywords,
  urlFrom,
  yearFrom,
} from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { parseTaggedText, type TagMatch, type TaggedFields, type TaggedSyntax } from './tagged-lines.ts'

export function parseEndnoteTagged(text: string): ParseOutput {
  return parseTaggedText(text, endnoteTaggedSyntax)
}

export const endnoteTaggedSyntax: TaggedSyntax = {
  label: 'EndNote tagged',
  endTag: null,
  startTag: null,
  readTag: readEndnoteTag,
  // Blank lines separate records; a second %0 without one still starts the next.
  startsNewRecord: (tag, open) => tag === '0' && open['0'] !== undefined,
  isFileTag: () => false,
  // EndNote writes several keywords under one %K, one per line.
  continuationIsNewValue: (tag) => tag === 'K',
  toRecord: endnoteTaggedRecord,
}

/** "%T Title": a percent sign, one character (letter, digit or symbol such as %@ %! %+), a space or the line's end. */
export function readEndnoteTag(line: string, out: TagMatch): boolean {
  if (line.charCodeAt(0) !== 37 /* % */ || line.length < 2) return false
  const code = line.charCodeAt(1)
  if (code <= SPACE || code >= 127) return false
  if (line.length > 2 && line.charCodeAt(2) !== SPACE) return false
  out.tag = line[1] ?? ''
  out.valueAt = Math.min(3, line.length)
  return true
}

/** True when the text's lines look like EndNote tagged records (for detection). */
export function looksLikeEndnoteTagged(lines: readonly string[]): boolean {
  const match: TagMatch = { tag: '', valueAt: 0 }
  let tagged = 0
  let titles = 0
  for (const line of lines) {
    if (!readEndnoteTag(line, match)) continue
    tagged++
    if (match.tag === 'T' || match.tag === '0') titles++
  }
  return titles >= 1 && tagged >= 3
}

function endnoteTaggedRecord(fields: TaggedFields, originalText: string, line: number): BibliographicRecord {
  const record = blankRecord(originalText, line)
  const one = (tag: string): string | undefined => fields[tag]?.[0]
  const all = (tag: string): string[] => fields[tag] ?? []
  const database = `${one('~') ?? ''} ${one('W') ?? ''}`

  record.title = cleanMarkup(all('T').join(' '))
  record.abstract = cleanMarkup(all('X').join(' '))
  record.authors = cleanList(all('A'))
  record.year = yearFrom(firstText(one('D'), one('8')))
  // %J is the journal; library and AIS exports put it in %B (the "secondary title").
  record.journal = firstText(one('J'), one('B'))
  record.volume = cleanText(one('V'))
  record.issue = cleanText(one('N'))
  record.pages = cleanText(one('P'))
  record.doi = findDoi(one('R')) ?? findDoi([...all('U'), ...all('Z')].join(' '))
  record.pmid = endnotePmid(database, one('M'), all('Z').join(' '))
  record.keywords = all('K').flatMap((value) => splitKeywords(value))
  record.language = cleanText(one('G'))
  record.url = urlFrom(firstText(...all('U')))
  record.publicationType = firstText(one('0'), one('9'))
  return record
}
