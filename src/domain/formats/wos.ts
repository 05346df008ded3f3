/**
 * Web of Science field-tagged ("plain text") export: a "FN …" / "VR 1.0" header, two-character tags
 * followed by one space, continuation lines indented by three spaces, "ER" after each record and "EF"
 * at the end. In author and address fields each continuation line is another person; elsewhere it
 * wraps the same value. Older ISI/MEDLINE-flavoured files put all authors on one line split by ";".
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { isUpper, isUpperOrDigit, SPACE } from './char-codes.ts'
import {
  cleanList,
  cleanText,
  firstText,
  normaliseDoi,
  normalisePmid,
  pagesFrom,
  splitOnSemicolons,
  splitKeywords,
  yearFrom,
} from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { parseTaggedText, type TagMatch, type TaggedFields, type TaggedSyntax } from './tagged-lines.ts'

export function parseWos(text: string): ParseOutput {
  return parseTaggedText(text, wosSyntax)
}

/** Fields where WoS writes one entry per line. */
const ONE_PER_LINE = new Set([
  'AU',
  'AF',
  'BA',
  'BF',
  'CA',
  'GP',
  'BE',
  'ED',
  'CR',
  'C1',
  'C3',
  'RP',
  'EM',
  'RI',
  'OI',
  'FU',
])
const FILE_TAGS = new Set(['FN', 'VR', 'EF'])

export const wosSyntax: TaggedSyntax = {
  label: 'Web of Science',
  endTag: 'ER',
  startTag: 'PT',
  readTag: readWosTag,
  startsNewRecord: (tag) => tag === 'PT',
  isFileTag: (tag) => FILE_TAGS.has(tag),
  continuationIsNewValue: (tag) => ONE_PER_LINE.has(tag),
  toRecord: wosRecord,
}

/** "TI Title…": two uppercase/digit characters then a space, or a bare "ER" / "EF". */
export function readWosTag(line: string, out: TagMatch): boolean {
  if (!isUpper(line.charCodeAt(0)) || !isUpperOrDigit(line.charCodeAt(1))) return false
  if (line.length > 2 && line.charCodeAt(2) !== SPACE) return false
  out.tag = line.slice(0, 2)
  out.valueAt = Math.min(3, line.length)
  return true
}

function wosRecord(fields: TaggedFields, originalText: string, line: number): BibliographicRecord {
  const record = blankRecord(originalText, line)
  const one = (tag: string): string | undefined => fields[tag]?.[0]
  const all = (tag: string): string[] => fields[tag] ?? []

  record.title = cleanText(one('TI'))
  record.abstract = cleanText(all('AB').join(' '))
  // AF has full names ("Owen-Smith, Jason"); AU abbreviations ("Owen-Smith, J"). Each line is one
  // person, family name first, so only the ";" of older ISI files separates names on a line.
  const names = fields.AF ?? fields.AU ?? []
  record.authors = names.flatMap((value) => splitOnSemicolons(value))
  record.year = yearFrom(firstText(one('PY'), one('PD'), one('EA')))
  record.journal = cleanText(one('SO'))
  record.volume = cleanText(one('VL'))
  record.issue = cleanText(one('IS'))
  record.pages = pagesFrom(one('BP'), one('EP')) ?? firstText(one('AR'), one('PS'))
  record.doi = normaliseDoi(firstText(one('DI'), one('D2')))
  record.pmid = normalisePmid(one('PM')) ?? (one('UT')?.startsWith('MEDLINE:') ? normalisePmid(one('UT')) : null)
  record.keywords = cleanList([...all('DE'), ...all('ID')].flatMap((value) => splitKeywords(value)))
  record.language = cleanText(one('LA'))
  record.publicationType = firstText(one('DT'), one('PT'))
  return record
}
