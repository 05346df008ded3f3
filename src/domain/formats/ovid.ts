/**
 * Ovid's labelled display and export format (MEDLINE, Embase, PsycINFO, Journals@Ovid): each record
 * opens with "<1>", then each field is a label on a line of its own with its value on the indented
 * lines below. The search strategy Ovid prints first sits outside any record and is skipped.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { forEachLine } from './lines.ts'
import { cleanList, cleanText, firstText, normaliseDoi, normalisePmid, urlFrom, yearFrom } from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { citationParts, embaseSourceParts, type CitationParts } from './source-citation.ts'

/** "<12>": the line that opens a record. */
export const OVID_RECORD = /^<\d+>\s*$/

/** A record's fields by label (lower case), each value a list of its lines. */
type OvidFields = Map<string, string[]>

export function parseOvid(text: string): ParseOutput {
  const records: BibliographicRecord[] = []
  const issues: ParseIssue[] = []
  let fields: OvidFields | null = null
  let raw: string[] = []
  let start = 0
  let current: string[] | null = null
  const close = (): void => {
    if (fields === null) return
    while (raw.length > 0 && (raw[raw.length - 1] ?? '').trim() === '') raw.pop()
    try {
      records.push(ovidRecord(fields, raw.join('\n'), start))
    } catch (error) {
      issues.push({
        line: start,
        record: records.length + 1,
        message: `Ovid record could not be read: ${String(error)}`,
      })
    }
    fields = null
  }
  forEachLine(text, (line, number) => {
    if (OVID_RECORD.test(line)) {
      close()
      fields = new Map()
      raw = [line]
      start = number
      current = null
      return
    }
    if (fields === null) return
    raw.push(line)
    if (line.trim() === '') return
    if (/^\s/.test(line)) current?.push(line.trim())
    else {
      // A label seen twice ("Source" in some exports) keeps both values.
      const label = line.trim().toLowerCase()
      current = fields.get(label) ?? []
      fields.set(label, current)
    }
  })
  close()
  if (records.length === 0 && text.trim() !== '') issues.push({ line: 1, message: 'No Ovid record ("<1>") found' })
  return { records, issues }
}

function ovidRecord(fields: OvidFields, originalText: string, line: number): BibliographicRecord {
  const record = blankRecord(originalText, line)
  const lines = (...labels: string[]): string[] => labels.flatMap((label) => fields.get(label) ?? [])
  const text = (...labels: string[]): string | null => {
    for (const label of labels) {
      const value = cleanText((fields.get(label) ?? []).join(' '))
      if (value !== null) return value
    }
    return null
  }
  const source = sourceParts(text('source') ?? '')

  record.title = ovidTitle(text('title', 'chapter title', 'book title'))
  record.abstract = text('abstract')
  record.authors = authorList(
    lines('authors full name').length > 0 ? lines('authors full name') : lines('authors', 'author'),
  )
  record.year = yearFrom(
    firstText(text('year of publication', 'publication year'), source.year, text('date of publication')),
  )
  record.journal = firstText(text('journal name', 'journal title'), source.journal)
  record.volume = firstText(text('volume'), source.volume)
  record.issue = firstText(text('issue', 'issue/part'), source.issue)
  record.pages = firstText(text('pages', 'page'), source.pages)
  record.doi = normaliseDoi(text('digital object identifier', 'doi number', 'doi'))
  record.pmid = normalisePmid(text('pmid', 'pubmed identifier', 'medline pmid'))
  // MEDLINE's "Unique Identifier" is the PMID; Embase's and PsycINFO's are their own accession numbers.
  if (record.pmid === null && (fields.has('mesh subject headings') || /medline|pubmed/i.test(text('status') ?? '')))
    record.pmid = normalisePmid(text('unique identifier'))
  record.keywords = cleanList(
    lines(
      'keyword heading',
      'author keywords',
      'keywords',
      'mesh subject headings',
      'embase subject headings',
      'subject headings',
    )
      .flatMap((value) => value.split(/;\s*/))
      .map((value) => value.replace(/^\*/, '').replace(/\.$/, '')),
  )
  record.language = cleanText(text('language')?.replace(/\.$/, ''))
  record.url = urlFrom(text('url', 'link to the ovid full text or citation', 'link to the external link resolver'))
  record.publicationType = cleanText(text('publication type', 'document type')?.replace(/\.$/, ''))
  return record
}

/** Ovid appends "[Review]" (and "[98 refs]") to review titles; the title is what comes before. */
function ovidTitle(title: string | null): string | null {
  return cleanText(title?.replace(/\s*\[Review\](?:\s*\[\d+ refs\])?\s*$/i, ''))
}

/**
 * Ovid's author lines: "Moffatt S.  Steer M." (two spaces between names), "Holstiege, Jakob 1;
 * Mathes, Tim 2" (semicolons, affiliation numbers), or one name per line.
 */
function authorList(values: readonly string[]): string[] {
  return cleanList(
    values
      .flatMap((value) => (value.includes(';') ? value.split(';') : value.split(/\s{2,}/)))
      .map((name) =>
        name
          .replace(/\s+\d+(?:,\s*\d+)*\s*$/, '')
          .replace(/,\s*$/, '')
          // "Moffatt, Suzanne." ends a full name with a full stop; "Moffatt S." is an initial's.
          .replace(/([a-z]{2})\.$/, '$1'),
      ),
  )
}

/**
 * The journal, volume, issue, pages and year in Ovid's Source line, as each database writes it:
 * MEDLINE "BMJ Open. 7(7):e015203, 2017 Jul 17.", PsycINFO "Health & Social Care in the Community.
 * Vol.27(5), 2019, pp. 1201-1210.", Embase "BMJ Open. 7 (7) (no pagination), 2017. Article Number:
 * e015203." or its Embase.com-style "Journal (2017) 7:7 (…)".
 */
function sourceParts(source: string): CitationParts {
  const medline = /^(.+?)\.\s+([^\s():,]+(?: Suppl[^():,]*)?)(?:\(([^)]+)\))?:([^,\s]+),\s*(\d{4})/.exec(source)
  if (medline !== null)
    return citationParts({
      journal: medline[1],
      year: medline[5],
      volume: medline[2],
      issue: medline[3],
      pages: medline[4],
    })
  const psycinfo = /^(.+?)\.\s+Vol\.?\s*([^(,]+?)(?:\(([^)]+)\))?,\s*(?:[A-Za-z]+\s+)?(\d{4}),\s*pp\.\s*([^.]+)/.exec(
    source,
  )
  if (psycinfo !== null)
    return citationParts({
      journal: psycinfo[1],
      year: psycinfo[4],
      volume: psycinfo[2],
      issue: psycinfo[3],
      pages: psycinfo[5],
    })
  const embase = /^(.+?)\.\s+([^\s(,.]+)\s*(?:\(([^)]+)\))?\s*\(([^)]*)\),\s*(\d{4})/.exec(source)
  if (embase !== null) {
    const articleNumber = /Article Number:\s*([^\s.]+)/.exec(source)?.[1]
    const pages = /no pagination/i.test(embase[4] ?? '') ? articleNumber : (embase[4] ?? '').replace(/^pp\s*/, '')
    return citationParts({ journal: embase[1], year: embase[5], volume: embase[2], issue: embase[3], pages })
  }
  const cited = embaseSourceParts(source)
  if (cited !== null) return cited
  // Ahead of print: only the journal, ending at the first full stop.
  return citationParts({
    journal: /^(.+?)\.(?:\s|$)/.exec(source)?.[1],
    year: /\b(1[5-9]\d\d|20\d\d)\b/.exec(source)?.[1],
  })
}
