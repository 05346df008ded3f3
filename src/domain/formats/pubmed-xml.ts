/**
 * PubMed XML (PubMed's "Save → PubMed XML", E-utilities efetch): <PubmedArticleSet> of <PubmedArticle>
 * and <PubmedBookArticle>. Scanned article by article, so a file cut off mid-article still yields the
 * complete ones before it. The article's own identifiers are kept apart from those of the works it
 * cites (<ReferenceList>) and of comments and corrections.
 */
import type { BibliographicRecord } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { cleanList, cleanText, firstText, normaliseDoi, normalisePmid, pagesFrom, yearFrom } from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'
import { parseXmlRecords } from './xml-records.ts'
import { attributeOf, elementsNamed, firstElement, indexOfOpenTag, taggedElements, textOf } from './xml-scan.ts'

export function parsePubmedXml(text: string): ParseOutput {
  return parseXmlRecords(
    text,
    {
      names: ['PubmedArticle', 'PubmedBookArticle'],
      label: 'PubMed XML article',
      noneFound: 'No <PubmedArticle> elements found in the PubMed XML file',
    },
    articleRecord,
  )
}

function articleRecord(xml: string, line: number): BibliographicRecord {
  const record = blankRecord(xml, line)
  // What the article cites and what comments on it carry identifiers that are not the article's.
  const own = withoutElements(xml, ['ReferenceList', 'CommentsCorrectionsList'])
  const text = (name: string, within: string | null = own): string | null =>
    within === null ? null : cleanText(textOf(firstElement(within, name)))
  const article = firstElement(own, 'Article') ?? firstElement(own, 'BookDocument') ?? own
  const journal = firstElement(article, 'Journal')
  const issue = journal === null ? null : firstElement(journal, 'JournalIssue')
  const book = firstElement(own, 'Book')
  const pubDate = firstElement(issue ?? book ?? article, 'PubDate')

  record.title = firstText(text('ArticleTitle', article), text('BookTitle', book), text('VernacularTitle', article))
  record.abstract = abstractText(firstElement(article, 'Abstract'))
  record.authors = authorNames(firstElement(article, 'AuthorList'))
  record.year = yearFrom(
    firstText(text('Year', pubDate), text('MedlineDate', pubDate), text('Year', firstElement(article, 'ArticleDate'))),
  )
  record.journal = firstText(text('Title', journal), text('MedlineTA'), text('ISOAbbreviation', journal))
  record.volume = text('Volume', issue)
  record.issue = text('Issue', issue)
  const pagination = firstElement(article, 'Pagination')
  record.pages =
    text('MedlinePgn', pagination) ??
    pagesFrom(text('StartPage', pagination), text('EndPage', pagination)) ??
    identifier(article, 'ELocationID', 'EIdType', 'pii')
  record.doi = normaliseDoi(
    identifier(own, 'ArticleId', 'IdType', 'doi') ?? identifier(article, 'ELocationID', 'EIdType', 'doi'),
  )
  record.pmid = normalisePmid(text('PMID'))
  record.keywords = cleanList([
    ...elementsNamed(firstElement(own, 'MeshHeadingList') ?? '', 'DescriptorName').map(textOf),
    ...elementsNamed(own, 'Keyword').map(textOf),
  ])
  record.language = text('Language', article)
  const types = cleanList(elementsNamed(firstElement(own, 'PublicationTypeList') ?? '', 'PublicationType').map(textOf))
  record.publicationType = types.length > 0 ? types.join('; ') : null
  return record
}

/** Structured abstracts as PubMed shows them: "BACKGROUND: … METHODS: …". */
function abstractText(abstract: string | null): string | null {
  if (abstract === null) return null
  const parts = taggedElements(abstract, 'AbstractText').map(({ tag, inner }) => {
    const label = attributeOf(tag, 'AbstractText', 'Label')
    const body = cleanText(textOf(inner)) ?? ''
    return label === null || label === '' ? body : `${label}: ${body}`
  })
  return cleanText(parts.join(' '))
}

/** "Moreno-Grau, Sonia" from LastName and ForeName (or Initials); a group author by its CollectiveName. */
function authorNames(list: string | null): string[] {
  if (list === null) return []
  return cleanList(
    elementsNamed(list, 'Author').map((author) => {
      const collective = cleanText(textOf(firstElement(author, 'CollectiveName')))
      if (collective !== null) return collective
      const family = cleanText(textOf(firstElement(author, 'LastName')))
      const given = firstText(textOf(firstElement(author, 'ForeName')), textOf(firstElement(author, 'Initials')))
      return family === null ? given : given === null ? family : `${family}, ${given}`
    }),
  )
}

/** The text of the first `<name attribute="value">` (ArticleId IdType="doi", ELocationID EIdType="pii"). */
function identifier(xml: string, name: string, attribute: string, value: string): string | null {
  for (const { tag, inner } of taggedElements(xml, name)) {
    if (attributeOf(tag, name, attribute) === value) return cleanText(textOf(inner))
  }
  return null
}

/** The XML without the named elements (and what they hold). */
function withoutElements(xml: string, names: readonly string[]): string {
  let out = xml
  for (const name of names) {
    const start = indexOfOpenTag(out, name, 0)
    if (start === -1) continue
    const close = `</${name}>`
    const end = out.indexOf(close, start)
    out = out.slice(0, start) + (end === -1 ? '' : out.slice(end + close.length))
  }
  return out
}
