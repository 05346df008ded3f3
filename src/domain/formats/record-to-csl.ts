/**
 * A stored record → a CSL-JSON item, the common currency of citation-js's writers (RIS, BibTeX, reference
 * lists). Built from the normalised fields, so what a reviewer corrected is what leaves Weft; only the CSL
 * type is taken from the CSL the record came with (BibTeX, CSL-JSON imports), since the normalised
 * publication type keeps the source's own words ("JOUR", "Journal Article", "article").
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import type { CslItem } from './csl-to-record.ts'

/** A stored record as the citation writers read it: its normalised fields and the CSL it came with. */
export type CitableRecord = Omit<BibliographicRecord, 'originalText' | 'line' | 'csl'> & {
  id: number
  csl: Record<string, unknown> | null
  /** Said in the reference's note, e.g. the study a report belongs to. */
  note?: string
}

/** How keywords are joined into CSL's one `keyword` string, which citation-js splits on commas. */
export interface KeywordJoin {
  separator: string
  /** Stands in for a comma inside one keyword ("Aged, 80 and over") until the writer's output is ready. */
  comma: string
}

export function recordToCsl(record: CitableRecord, keywords: KeywordJoin): CslItem {
  const item: CslItem = { id: `weft-${record.id}`, type: cslType(record) }
  const set = (key: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== '') item[key] = value
  }
  set('title', record.title)
  if (record.authors.length > 0) item.author = record.authors.map(cslName)
  if (record.year !== null) item.issued = { 'date-parts': [[record.year]] }
  set('container-title', record.journal)
  set('volume', record.volume)
  set('issue', record.issue)
  set('page', record.pages)
  set('DOI', record.doi)
  set('PMID', record.pmid)
  set('abstract', record.abstract)
  set('keyword', record.keywords.map((keyword) => keyword.replaceAll(',', keywords.comma)).join(keywords.separator))
  set('language', record.language)
  set('URL', record.url)
  // RIS and BibTeX have no PMID field: "PMID: 123" in the note is how reference managers carry it.
  const note = [record.note, record.pmid === null ? undefined : `PMID: ${record.pmid}`].filter(Boolean).join('; ')
  set('note', note)
  return item
}

/** "Family, Given" → structured; a name without a comma (an organisation, "Smith J") stays as written. */
function cslName(name: string): Record<string, string> {
  const comma = name.indexOf(',')
  if (comma === -1) return { literal: name }
  const family = name.slice(0, comma).trim()
  const given = name.slice(comma + 1).trim()
  return given === '' ? { family } : { family, given }
}

const CSL_TYPES = new Set([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'book',
  'chapter',
  'dataset',
  'document',
  'manuscript',
  'paper-conference',
  'patent',
  'report',
  'review',
  'thesis',
  'webpage',
])

/** RIS types (the most common source of records) and their CSL equivalents. */
const RIS_TYPES: Record<string, string> = {
  JOUR: 'article-journal',
  JFULL: 'article-journal',
  ABST: 'article-journal',
  INPR: 'article-journal',
  EJOUR: 'article-journal',
  MGZN: 'article-magazine',
  NEWS: 'article-newspaper',
  BOOK: 'book',
  EBOOK: 'book',
  EDBOOK: 'book',
  CHAP: 'chapter',
  ECHAP: 'chapter',
  THES: 'thesis',
  RPRT: 'report',
  GOVDOC: 'report',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  ELEC: 'webpage',
  WEB: 'webpage',
  DATA: 'dataset',
  PAT: 'patent',
  UNPB: 'manuscript',
  MANSCPT: 'manuscript',
  GEN: 'document',
}

/** Other formats' type words (MEDLINE PT, BibTeX entry types, EndNote ref-type names), by what they say. */
const TYPE_WORDS: [RegExp, string][] = [
  [/chapter|book section|incollection|inbook/i, 'chapter'],
  [/thesis|dissertation/i, 'thesis'],
  [/conference|proceedings/i, 'paper-conference'],
  [/report/i, 'report'],
  [/book/i, 'book'],
  [/web|electronic|online/i, 'webpage'],
]

export function cslType(record: Pick<CitableRecord, 'publicationType' | 'csl'>): string {
  const fromCsl = record.csl?.type
  if (typeof fromCsl === 'string' && CSL_TYPES.has(fromCsl)) return fromCsl
  const type = record.publicationType?.trim() ?? ''
  const ris = RIS_TYPES[type.toUpperCase()]
  if (ris !== undefined) return ris
  return TYPE_WORDS.find(([pattern]) => pattern.test(type))?.[1] ?? 'article-journal'
}
