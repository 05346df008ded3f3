/**
 * EndNote XML (EndNote, Zotero, Bookends, Covidence): `<xml><records><record>…`, often on a single
 * line, with values wrapped in `<style face="normal" …>` runs. Scanned record by record, so a file cut
 * off mid-record still yields the complete records before it.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import {
  cleanList,
  cleanText,
  findDoi,
  findPmid,
  firstText,
  normalisePmid,
  splitKeywords,
  urlFrom,
  yearFrom,
} from './normalise.ts'
import { LineCounter } from './lines.ts'
import type { ParseOutput } from './parse-output.ts'
import { attributeOf, elementsNamed, firstElement, indexOfOpenTag, textOf } from './xml-scan.ts'

const RECORD_END = '</record>'

export function parseEndnoteXml(text: string): ParseOutput {
  const records: BibliographicRecord[] = []
  const issues: ParseIssue[] = []
  const lines = new LineCounter(text)
  let from = 0
  for (;;) {
    const start = indexOfOpenTag(text, 'record', from)
    if (start === -1) break
    const line = lines.lineAt(start)
    const number = records.length + 1
    let end = text.indexOf(RECORD_END, start)
    const next = indexOfOpenTag(text, 'record', start + 7)
    if (end === -1 || (next !== -1 && next < end)) {
      end = next === -1 ? text.length : next
      issues.push({
        line,
        record: number,
        message: `EndNote XML record ${number} has no closing </record>; read up to ${next === -1 ? 'the end of the file' : `line ${lines.lineAt(next)}`}`,
      })
    } else {
      end += RECORD_END.length
    }
    const xml = text.slice(start, end)
    try {
      records.push(endnoteRecord(xml, line))
    } catch (error) {
      issues.push({ line, record: number, message: `EndNote XML record ${number} could not be read: ${String(error)}` })
    }
    from = end
  }
  if (records.length === 0 && text.trim() !== '') {
    issues.push({ line: 1, message: 'No <record> elements found in the EndNote XML file' })
  }
  return { records, issues }
}

function endnoteRecord(xml: string, line: number): BibliographicRecord {
  const record = blankRecord(xml, line)
  const text = (name: string, within: string | null = xml): string | null =>
    within === null ? null : cleanText(textOf(firstElement(within, name)))
  const titles = firstElement(xml, 'titles')
  const periodical = firstElement(xml, 'periodical')
  const authors = firstElement(firstElement(xml, 'contributors') ?? xml, 'authors')
  const keywords = firstElement(xml, 'keywords')
  const urls = firstElement(xml, 'urls')
  const database = `${text('remote-database-name') ?? ''} ${text('remote-database-provider') ?? ''}`

  record.title = text('title', titles) ?? text('title')
  record.abstract = text('abstract')
  record.authors = authors === null ? [] : cleanList(elementsNamed(authors, 'author').map(textOf))
  record.year = yearFrom(firstText(text('year', firstElement(xml, 'dates')), text('year'), text('pub-dates')))
  record.journal = firstText(text('secondary-title', titles), text('full-title', periodical), text('alt-title', titles))
  record.volume = text('volume')
  record.issue = firstText(text('number'), text('issue'))
  record.pages = text('pages')
  record.doi = findDoi(text('electronic-resource-num')) ?? findDoi(text('notes'))
  record.pmid = /medline|pubmed|nlm/i.test(database) ? normalisePmid(text('accession-num')) : null
  record.pmid ??= findPmid(text('notes'))
  record.keywords =
    keywords === null ? [] : cleanList(elementsNamed(keywords, 'keyword').flatMap((k) => splitKeywords(textOf(k))))
  record.language = text('language')
  record.url = urlFrom(urls === null ? null : text('url', urls))
  record.publicationType = cleanText(attributeOf(xml, 'ref-type', 'name')) ?? text('ref-type')
  return record
}
