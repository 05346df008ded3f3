/**
 * RIS, as written by PubMed (via reference managers), Embase, Ovid, Scopus, Web of Science, EBSCO,
 * ProQuest, Cochrane, Google Scholar, Zotero, EndNote, Mendeley, Citavi, RefWorks, Rayyan, Covidence.
 * "TY  - JOUR" opens a record and "ER  - " closes it. Real files bend this: "XX -" with one space,
 * a missing trailing space after "ER  -", 3–4 letter tags ("PMID  - "), lowercase tags, untagged
 * continuation lines (multi-line abstracts), repeated tags, and a last record with no ER.
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { HYPHEN, isDigit, isLower, isUpper, isUpperOrDigit, SPACE } from './char-codes.ts'
import {
  cleanList,
  cleanMarkup,
  cleanText,
  findDoi,
  firstText,
  normaliseDoi,
  normalisePmid,
  pagesFrom,
  splitKeywords,
  urlFrom,
  yearFrom,
} from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { parseTaggedText, type TagMatch, type TaggedFields, type TaggedSyntax } from './tagged-lines.ts'

export function parseRis(text: string): ParseOutput {
  return parseTaggedText(text, risSyntax)
}

export const risSyntax: TaggedSyntax = {
  label: 'RIS',
  endTag: 'ER',
  startTag: 'TY',
  readTag: readRisTag,
  startsNewRecord: (tag) => tag === 'TY',
  isFileTag: (tag) => tag === 'NL',
  continuationIsNewValue: () => false,
  toRecord: risRecord,
}

/**
 * Recognises "XX  - value". Two-character tags may use one or two spaces before the hyphen (uppercase)
 * or exactly two (lowercase, to keep "is - " at the start of a wrapped abstract line from looking like
 * a tag). Three- and four-letter uppercase tags need two or more spaces ("PMID  - 123").
 */
export function readRisTag(line: string, out: TagMatch): boolean {
  const c0 = line.charCodeAt(0)
  const c1 = line.charCodeAt(1)
  const upper = isUpper(c0) && isUpperOrDigit(c1)
  if (!upper && !(isLower(c0) && (isLower(c1) || isDigit(c1)))) return false
  if (line.charCodeAt(2) === SPACE) {
    if (line.charCodeAt(3) === SPACE && line.charCodeAt(4) === HYPHEN && endsSeparator(line, 5)) {
      return found(line, 2, 5, out)
    }
    if (upper && line.charCodeAt(3) === HYPHEN && endsSeparator(line, 4)) return found(line, 2, 4, out)
    return false
  }
  if (!upper) return false
  // Longer tags: up to two more uppercase letters, then at least two spaces and the hyphen.
  let end = 2
  while (end < 4 && isUpper(line.charCodeAt(end))) end++
  if (end === 2) return false
  let at = end
  while (line.charCodeAt(at) === SPACE) at++
  if (at - end < 2 || line.charCodeAt(at) !== HYPHEN || !endsSeparator(line, at + 1)) return false
  return found(line, end, at + 1, out)
}

/** After the hyphen comes a space or the end of the line ("ER  -"). */
function endsSeparator(line: string, at: number): boolean {
  return at >= line.length || line.charCodeAt(at) === SPACE
}

function found(line: string, tagLength: number, hyphenEnd: number, out: TagMatch): boolean {
  const tag = line.slice(0, tagLength)
  out.tag = isLower(tag.charCodeAt(0)) ? tag.toUpperCase() : tag
  out.valueAt = Math.min(hyphenEnd + 1, line.length)
  return true
}

function risRecord(fields: TaggedFields, originalText: string, line: number): BibliographicRecord {
  const record = blankRecord(originalText, line)
  const one = (tag: string): string | undefined => fields[tag]?.[0]
  const all = (tag: string): string[] => fields[tag] ?? []

  record.title = cleanMarkup(firstText(one('TI'), one('T1'), one('CT'), one('BT')))
  // Some tools split a long abstract over repeated AB tags; N2 is the RIS spec's other abstract tag.
  record.abstract = cleanText((fields.AB ?? fields.N2 ?? []).join(' '))
  record.authors = cleanList([...all('AU'), ...all('A1')])
  record.year = yearFrom(firstText(one('PY'), one('Y1'), one('DA'), one('Y2')))
  // Full journal names first: JF/JO/T2 before the abbreviations JA/J2/J1.
  record.journal = cleanMarkup(firstText(one('JF'), one('JO'), one('T2'), one('JA'), one('J2'), one('J1')))
  record.volume = cleanText(one('VL'))
  record.issue = firstText(one('IS'), one('CP'))
  // C7 is the article number ("e0123456") that online-only journals have instead of pages.
  record.pages = pagesFrom(one('SP'), one('EP')) ?? cleanText(one('C7'))
  record.doi = risDoi(fields)
  record.pmid = risPmid(fields)
  record.keywords = all('KW').flatMap((value) => splitKeywords(value))
  record.language = cleanText(one('LA'))
  record.url = urlFrom(firstText(one('UR'), one('L2'), one('L1'), one('LK')))
  record.publicationType = cleanText(one('TY'))
  return record
}

/** DO first; Ovid and PsycINFO put "doi:10…" in M3, others hide DOIs in URLs and notes. */
function risDoi(fields: TaggedFields): string | null {
  for (const tag of ['DO', 'DI', 'M3', 'UR', 'L3', 'L2', 'L1', 'N1', 'M1', 'AN']) {
    for (const value of fields[tag] ?? []) {
      const doi = tag === 'DO' || tag === 'DI' ? normaliseDoi(value) : findDoi(value)
      if (doi !== null) return doi
    }
  }
  return null
}

/**
 * A PMID only where the file clearly says it is one: a "PMID" tag, a "PMID: 123" note, or an
 * all-digit accession number (AN) in a record whose database (DB/DP) is MEDLINE or PubMed. Embase
 * and PsycINFO accession numbers are also numbers, so AN alone is not enough.
 */
function risPmid(fields: TaggedFields): string | null {
  const tagged = normalisePmid(fields.PMID?.[0])
  if (tagged !== null) return tagged
  for (const tag of ['N1', 'M1', 'C2', 'AN', 'ID', 'U1', 'U2']) {
    for (const value of fields[tag] ?? []) {
      const marked = /\bPMID:?\s*([0-9]{1,9})\b/i.exec(value)
      if (marked?.[1] !== undefined) return marked[1]
    }
  }
  const database = `${fields.DB?.join(' ') ?? ''} ${fields.DP?.join(' ') ?? ''}`
  if (/medline|pubmed/i.test(database)) return normalisePmid(fields.AN?.[0])
  return null
}
