/**
 * Field normalisers shared by every format, so a DOI or a year means the same thing whichever file
 * it came from. Each takes what the file said and returns the stored value, or null / [] when nothing
 * usable is there. They never throw.
 */
import { decodeEntities } from '../text/entities.ts'

/** Collapses runs of whitespace (wrapped lines, tabs, non-breaking spaces) and trims; empty → null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null
  let text = value
  // Most values only need a trim. This test runs on every field of 100,000-record files: on flat
  // strings (see TaggedLineParser.finishWrapped) a regex is several times faster than a JS loop.
  if (needsCollapse(text)) text = text.replace(/\s+/g, ' ')
  text = text.trim()
  return text === '' ? null : text
}

/** Two spaces in a row, or any tab, line break, other control character or no-break space. */
const NEEDS_COLLAPSE = / {2}|[\x00-\x1f\u00a0]/

function needsCollapse(text: string): boolean {
  return NEEDS_COLLAPSE.test(text)
}

/** cleanText plus HTML-entity decoding, for formats that embed "&amp;" and friends. */
export function cleanMarkup(value: string | null | undefined): string | null {
  const text = cleanText(value)
  return text === null ? null : cleanText(decodeEntities(text))
}

/**
 * "10." + registrant + "/" + suffix. The suffix stops at whitespace, quotes and angle brackets, except
 * a SICI's bracketed part ("…016<0123:MRPUOP>2.3.CO;2"): "<", no slash, a ":", ">". Without it, three
 * articles of one journal issue would share the DOI "…016".
 */
const DOI_IN_TEXT = /10\.\d{3,9}\/(?:[^\s"<>]|<[^\s"<>/]*:[^\s"<>/]*>)+/

/**
 * "https://doi.org/10.1000/ABC." → "10.1000/abc". DOIs are case-insensitive by definition, so the
 * lower-cased form is what dedup compares. Returns null when no "10.xxxx/…" is in the value.
 */
export function normaliseDoi(value: string | null | undefined): string | null {
  if (value == null) return null
  // URL-style DOIs sometimes arrive percent-encoded ("10.1002%2Fcpp.2398"), SICIs HTML-escaped ("&lt;").
  let text = value.includes('%') ? value.replace(/%2f/gi, '/').replace(/%3c/gi, '<').replace(/%3e/gi, '>') : value
  if (text.includes('&')) text = text.replace(/&lt;/gi, '<').replace(/&gt;/gi, '>').replace(/&amp;/gi, '&')
  const match = DOI_IN_TEXT.exec(text)
  if (!match) return null
  let doi = match[0]
  try {
    if (doi.includes('%')) doi = decodeURIComponent(doi)
  } catch {
    // A stray "%" that is not an escape: keep the DOI as written.
  }
  // Trailing punctuation belongs to the sentence, not the DOI ("doi: 10.1/abc." in a note field).
  doi = doi.replace(/[.,;:)\]}'"]+$/, '')
  // "[doi]" markers (MEDLINE) and other suffixes separated by whitespace are already cut by the regex.
  return doi.toLowerCase()
}

/** The first DOI-looking string in free text (notes, URLs), normalised. */
export const findDoi = normaliseDoi

const YEAR = /(?:^|[^0-9])(1[5-9][0-9]{2}|20[0-9]{2}|21[0-9]{2})(?![0-9])/

/** "2019/05/03", "2019 May", "Published 2019", "May-Jun 2006", "2019//" → 2019. */
export function yearFrom(value: string | null | undefined): number | null {
  if (value == null) return null
  const match = YEAR.exec(value)
  return match?.[1] === undefined ? null : Number(match[1])
}

/** Start and end page as written ("123" + "30" stays "123-30"); a range in the start field wins. */
export function pagesFrom(start: string | null | undefined, end?: string | null): string | null {
  const first = cleanText(start)
  const last = cleanText(end)
  if (first === null) return last
  if (last === null || last === first || first.includes('-')) return first
  return `${first}-${last}`
}

/**
 * Digits only, as PubMed writes them; accepts "PMID: 123", "MEDLINE:123" and OpenAlex's
 * "https://pubmed.ncbi.nlm.nih.gov/123". Zero (Abstrackr's "no PMID") is none.
 */
export function normalisePmid(value: string | null | undefined): string | null {
  if (value == null) return null
  const match = PMID.exec(value)
  return match?.[1] ?? null
}

/** A PMID marked as one in free text ("PMID: 123" in a note), or null. */
export function findPmid(text: string | null | undefined): string | null {
  const match = text == null ? null : /\bPMID:?\s*([0-9]{1,8})\b/i.exec(text)
  return match?.[1] ?? null
}

/**
 * An EndNote record's PMID: its accession number is one only when the record came from MEDLINE/PubMed
 * (`database`: the remote database's name and provider); otherwise a "PMID: …" in its notes.
 */
export function endnotePmid(
  database: string,
  accessionNumber: string | null | undefined,
  notes: string | null,
): string | null {
  return (/medline|pubmed|nlm/i.test(database) ? normalisePmid(accessionNumber) : null) ?? findPmid(notes)
}

const PMID =
  /^\s*(?:(?:PMID|MEDLINE|PUBMED)\s*:?\s*|https?:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov\/pubmed)\/)?0*([1-9][0-9]{0,7})\/?\s*$/i

/**
 * Splits an author list written in one field. ";" always separates authors. A comma separates them
 * only when every piece looks like a whole name with a space ("Griffin DK, Larkin DM"), because
 * "Smith, Jane" is one author written family-first — and so is "de Jeu, Richard A. M.": a name whose
 * first word is lower case is a family name with its particle, never a given name.
 */
export function splitAuthors(value: string | null | undefined): string[] {
  const text = cleanText(value)
  if (text === null) return []
  if (text.includes(';')) return splitOnSemicolons(text)
  // BibTeX-style "Fawcett, M.J. and Lautenschlager, S." (Abstrackr, some CSVs).
  if (/,.*\sand\s/.test(text)) return cleanList(text.split(/\s+and\s+/))
  const pieces = text.split(',').map((piece) => piece.trim())
  if (pieces.length >= 2 && pieces.every((piece) => piece.includes(' ') && !/^\p{Ll}/u.test(piece)))
    return cleanList(pieces)
  return [text]
}

/** Names separated by ";" only: where each value or line is one person written "Family, Given" (Web of Science). */
export function splitOnSemicolons(value: string | null | undefined): string[] {
  const text = cleanText(value)
  return text === null ? [] : cleanList(text.split(';'))
}

/** Splits keywords written in one field on ";" (WoS, Scopus) or, when there is none, on ",". */
export function splitKeywords(value: string | null | undefined, separators: RegExp = /;/): string[] {
  const text = cleanText(value)
  if (text === null) return []
  return cleanList(text.split(separators))
}

/** Trims each entry and drops the empty ones. */
export function cleanList(values: readonly (string | null | undefined)[]): string[] {
  const out: string[] = []
  for (const value of values) {
    const text = cleanText(value)
    if (text !== null) out.push(text)
  }
  return out
}

/** The first value that cleans to something. */
export function firstText(...values: readonly (string | null | undefined)[]): string | null {
  for (const value of values) {
    const text = cleanText(value)
    if (text !== null) return text
  }
  return null
}

/** The first http(s) URL in the value (some exports put several in one field). */
export function urlFrom(value: string | null | undefined): string | null {
  if (value == null) return null
  const match = /https?:\/\/[^\s;"<>]+/i.exec(value)
  return match ? match[0] : cleanText(value)
}
