/** CSL-JSON item (from citation-js or a CSL-JSON file) → BibliographicRecord. */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import {
  cleanList,
  cleanMarkup,
  cleanText,
  firstText,
  normaliseDoi,
  normalisePmid,
  urlFrom,
  yearFrom,
} from './normalise.ts'

export type CslItem = Record<string, unknown>

export function cslToRecord(item: CslItem, originalText: string, line: number): BibliographicRecord {
  const record = blankRecord(originalText, line)
  record.title = cleanMarkup(text(item.title))
  record.abstract = cleanMarkup(text(item.abstract))
  record.authors = names(item.author)
  record.year = cslYear(item.issued) ?? yearFrom(firstText(text(item.year), text(item.date)))
  record.journal = cleanMarkup(firstText(text(item['container-title']), text(item['collection-title'])))
  record.volume = text(item.volume)
  record.issue = text(item.issue)
  record.pages = firstText(text(item.page), text(item.number))
  record.doi = normaliseDoi(text(item.DOI))
  record.pmid = normalisePmid(text(item.PMID))
  const keywords = text(item.keyword)
  record.keywords = keywords === null ? [] : cleanList(keywords.split(keywords.includes(';') ? ';' : ','))
  record.language = text(item.language)
  record.url = urlFrom(text(item.URL))
  record.publicationType = text(item.type)
  record.csl = withoutGraph(item)
  return record
}

/** `_graph` records how citation-js got there, including the whole input text: never stored. */
export function withoutGraph(item: CslItem): CslItem {
  if (!('_graph' in item)) return item
  const { _graph: _dropped, ...rest } = item
  return rest
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (Array.isArray(value)) return text(value[0])
  return null
}

function names(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  const out: string[] = []
  for (const person of value) {
    if (typeof person !== 'object' || person === null) continue
    const fields = person as Record<string, unknown>
    const { family, given, literal, suffix } = fields
    // "vom Brocke, Jan": the particles are part of the family name as the source wrote it.
    const particles = [fields['dropping-particle'], fields['non-dropping-particle']]
    const familyName = text(family)
    const fullFamily =
      familyName === null ? null : [...particles.map(text).filter((part) => part !== null), familyName].join(' ')
    const givenName = text(given)
    const suffixText = text(suffix)
    const name =
      fullFamily !== null
        ? givenName !== null
          ? `${fullFamily}, ${givenName}${suffixText === null ? '' : `, ${suffixText}`}`
          : fullFamily
        : (text(literal) ?? givenName)
    if (name !== null) out.push(name)
  }
  return out
}

function cslYear(issued: unknown): number | null {
  if (typeof issued !== 'object' || issued === null) return null
  const { 'date-parts': parts, raw, literal } = issued as Record<string, unknown>
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = Number(parts[0][0])
    if (Number.isInteger(year) && year > 0) return year
  }
  return yearFrom(text(raw) ?? text(literal))
}
