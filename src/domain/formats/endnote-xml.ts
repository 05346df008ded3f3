/**
 * EndNote XML (EndNote, Zotero, Bookends, Covidence): `<xml><records><record>…`, often on a single
 * line, with values wrapped in `<style face="normal" …>` runs. Scanned record by record, so a file cut
 * off mid-record still yields the complete records before it.
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { cleanList, cleanText, findDoi, endnotePmid, firstText, splitKeywords, urlFrom, yearFrom } from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { parseXmlRecords } from './xml-records.ts'
import { attributeOf, elementsNamed, firstElement, textOf } from './xml-scan.ts'

export function parseEndnoteXml(text: string): ParseOutput {
  return parseXmlRecords(
    text,
    { names: ['record'], label: 'EndNote XML record', noneFound: 'No <record> elements found in the EndNote XML file' },
    endnoteRecord,
  )
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
  record.pmid = endnotePmid(database, text('accession-num'), text('notes'))
  record.keywords =
    keywords === null ? [] : cleanList(elementsNamed(keywords, 'keyword').flatMap((k) => splitKeywords(textOf(k))))
  record.language = text('language')
  record.url = urlFrom(urls === null ? null : text('url', urls))
  record.publicationType = cleanText(attributeOf(xml, 'ref-type', 'name')) ?? text('ref-type')
  return record
}
