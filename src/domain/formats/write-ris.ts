/**
 * RIS as EndNote and Zotero read it (Zotero's RIS.js translator, EndNote's RIS reference types): one tag
 * per line, CRLF line ends, each value on one line. Written here rather than by citation-js 0.7, whose
 * writer put a conference paper's proceedings under C3 only (rispy and most tools read T2), its issue under
 * M1 and its year under C2, and wrapped every value after 70 characters mid-word.
 */
import { cslType, type CitableRecord } from './record-to-csl.ts'

/** CSL types → RIS types, for records whose own type is not already a RIS type. */
const RIS_TYPE_OF: Record<string, string> = {
  'article-journal': 'JOUR',
  article: 'JOUR',
  review: 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  'paper-conference': 'CONF',
  chapter: 'CHAP',
  book: 'BOOK',
  thesis: 'THES',
  report: 'RPRT',
  webpage: 'ELEC',
  dataset: 'DATA',
  patent: 'PAT',
  manuscript: 'UNPB',
  document: 'GEN',
}

/** RIS types kept as the record has them (a JFULL stays a JFULL), each with what its T2 means. */
const KNOWN_RIS_TYPES = new Set([
  ...Object.values(RIS_TYPE_OF),
  'ABST',
  'CPAPER',
  'EBOOK',
  'ECHAP',
  'EDBOOK',
  'EJOUR',
  'GOVDOC',
  'INPR',
  'JFULL',
  'MANSCPT',
  'WEB',
])

export function writeRis(records: readonly CitableRecord[]): string {
  return records.map(risEntry).join('')
}

function risEntry(record: CitableRecord): string {
  const lines: string[] = []
  const tag = (name: string, value: string | number | null | undefined) => {
    const text = value === null || value === undefined ? '' : oneLine(String(value))
    if (text !== '') lines.push(`${name}  - ${text}`)
  }
  const type = risType(record)
  tag('TY', type)
  tag('TI', record.title)
  for (const author of record.authors) tag('AU', author)
  tag('PY', record.year)
  // T2 is the container for every type that has one: the journal (Zotero's publicationTitle), the book of
  // a chapter, the conference of a paper. A conference paper's proceedings title is C3 for EndNote and Zotero.
  tag('T2', record.journal)
  if (type === 'CONF' || type === 'CPAPER') tag('C3', record.journal)
  tag('VL', record.volume)
  tag('IS', record.issue)
  const [start, end] = pageRange(record.pages)
  tag('SP', start)
  tag('EP', end)
  tag('SN', issn(record))
  tag('DO', record.doi)
  tag('AB', record.abstract)
  for (const keyword of record.keywords) tag('KW', keyword)
  tag('LA', record.language)
  tag('UR', record.url)
  // RIS has no PMID tag: "PMID: 123" in a note is how Zotero, EndNote and Weft's own reader carry it.
  tag('N1', [record.note, record.pmid === null ? null : `PMID: ${record.pmid}`].filter(Boolean).join('; '))
  tag('ID', `weft-${record.id}`)
  lines.push('ER  - ', '')
  return lines.map((line) => `${line}\r\n`).join('')
}

function risType(record: CitableRecord): string {
  const own = record.publicationType?.trim().toUpperCase() ?? ''
  if (KNOWN_RIS_TYPES.has(own)) return own
  return RIS_TYPE_OF[cslType(record)] ?? 'GEN'
}

/** "e95-e101" → SP e95, EP e101; "112–118" → 112, 118; an article number stays whole in SP. */
export function pageRange(pages: string | null): [string | null, string | null] {
  if (pages === null) return [null, null]
  const match = /^\s*([^\s\-–—]+)\s*[-–—]+\s*([^\s\-–—]+)\s*$/.exec(pages)
  return match === null ? [pages, null] : [match[1] ?? null, match[2] ?? null]
}

/** The ISSN the record came with, when its original CSL (BibTeX, CSL-JSON imports) had one. */
export function issn(record: Pick<CitableRecord, 'csl'>): string | null {
  const value = record.csl?.ISSN
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null
}

/** RIS values live on one line: line breaks inside an abstract become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
