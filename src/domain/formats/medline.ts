/**
 * PubMed MEDLINE / .nbib: "PMID- 12345678", tags left-aligned and padded to four characters, values
 * from column 7, continuation lines indented by six spaces, records separated by a blank line.
 * Tolerates a missing space after the hyphen ("PMID-12345") and records with no PMID (ERIC .nbib).
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { HYPHEN, isUpper, isUpperOrDigit, SPACE } from './char-codes.ts'
import {
  cleanList,
  cleanText,
  findDoi,
  firstText,
  normalisePmid,
  splitAuthors,
  urlFrom,
  yearFrom,
} from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { parseTaggedText, type TagMatch, type TaggedFields, type TaggedSyntax } from './tagged-lines.ts'

export function parseMedline(text: string): ParseOutput {
  return parseTaggedText(text, medlineSyntax)
}

export const medlineSyntax: TaggedSyntax = {
  label: 'MEDLINE',
  endTag: null,
  startTag: null,
  readTag: readMedlineTag,
  // Records are normally split by blank lines; a second PMID without one still starts a new record.
  startsNewRecord: (tag, open) => tag === 'PMID' && open.PMID !== undefined,
  isFileTag: () => false,
  continuationIsNewValue: () => false,
  toRecord: medlineRecord,
}

/** "TI  - ", "FAU - ", "PMID- ": an uppercase tag of 2–4 characters, space padding, then "-". */
export function readMedlineTag(line: string, out: TagMatch): boolean {
  if (!isUpper(line.charCodeAt(0)) || !isUpperOrDigit(line.charCodeAt(1))) return false
  let end = 2
  while (end < 4 && isUpperOrDigit(line.charCodeAt(end))) end++
  let at = end
  // "ISSN - " (ERIC) pads a four-letter tag with one space past column 5.
  while (at < 5 && line.charCodeAt(at) === SPACE) at++
  // Padding to column 5 is the rule; "TI-" with none turns up in hand-edited files.
  if (line.charCodeAt(at) !== HYPHEN) return false
  out.tag = line.slice(0, end)
  out.valueAt = line.charCodeAt(at + 1) === SPACE ? at + 2 : at + 1
  return true
}

function medlineRecord(fields: TaggedFields, originalText: string, line: number): BibliographicRecord {
  const record = blankRecord(originalText, line)
  const one = (tag: string): string | undefined => fields[tag]?.[0]
  const all = (tag: string): string[] => fields[tag] ?? []

  // PubMed writes one TI; hand-made files split it over several, which belong together.
  record.title = firstText(all('TI').join(' '), one('BTI'), one('TT'))
  record.abstract = cleanText(all('AB').join(' '))
  // FAU has the full name ("Griffin, Darren K"); AU only initials ("Griffin DK").
  record.authors = fields.FAU ? cleanList(fields.FAU) : all('AU').flatMap((value) => splitAuthors(value))
  record.year = yearFrom(firstText(one('DP'), one('DEP'), one('DA')))
  record.journal = firstText(one('JT'), one('TA'), one('BTI'))
  record.volume = cleanText(one('VI'))
  record.issue = cleanText(one('IP'))
  record.pages = cleanText(one('PG'))
  record.doi = medlineDoi(fields)
  record.pmid = normalisePmid(one('PMID'))
  record.keywords = cleanList([...all('MH'), ...all('OT')])
  record.language = cleanText(one('LA'))
  record.url = urlFrom(firstText(...[...all('LID'), ...all('AID')].filter((value) => /^\s*https?:/i.test(value))))
  // PubMed lists several types ("Journal Article; Review"); reviewers filter on any of them.
  record.publicationType = cleanText(cleanList(all('PT')).join('; '))
  return record
}

/** LID/AID marked "[doi]" first; ERIC writes bare "http://dx.doi.org/…" in AID. */
function medlineDoi(fields: TaggedFields): string | null {
  const ids = [...(fields.LID ?? []), ...(fields.AID ?? [])]
  for (const value of ids) if (/\[doi\]/i.test(value)) return findDoi(value)
  for (const value of ids) {
    const doi = findDoi(value)
    if (doi !== null) return doi
  }
  return null
}
