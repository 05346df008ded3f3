import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { parsePubmedXml } from '../../../src/domain/formats/pubmed-xml.ts'
import { fixtureBytes, fixtureText } from './fixture.ts'

describe('parsePubmedXml', () => {
  it('reads a PubMed XML article: structured abstract, group author, MeSH and keywords', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('pubmed.xml'))
    expect(format).toBe('pubmed_xml')
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({
      title:
        'Link Worker social prescribing to improve health and well-being for people with long-term conditions: qualitative study of service user perceptions.',
      abstract:
        'OBJECTIVE: To explore the experiences of patients with long-term conditions referred to a link worker programme. DESIGN: Qualitative study; semi-structured interviews & observation.',
      authors: ['Moffatt, Suzanne', 'Steer, Mark', 'Ways to Wellness Study Group'],
      year: 2017,
      journal: 'BMJ open',
      volume: '7',
      issue: '7',
      pages: 'e015203',
      doi: '10.1136/bmjopen-2016-015203',
      pmid: '28713072',
      keywords: ['Chronic Disease', 'Social Work', 'qualitative research', 'social prescribing'],
      language: 'eng',
      publicationType: "Journal Article; Research Support, Non-U.S. Gov't",
      line: 4,
    })
    expect(records[0]?.originalText).toMatch(/^<PubmedArticle>.*<\/PubmedArticle>$/s)
  })

  it('takes no identifier from the works an article cites or the comments on it', () => {
    const [article, chinese] = parseReferences(fixtureBytes('pubmed.xml')).records
    expect(article).toMatchObject({ pmid: '28713072', doi: '10.1136/bmjopen-2016-015203' })
    expect(chinese).toMatchObject({
      title: '[Community health workers and tuberculosis care].',
      authors: ['Wang, L'],
      year: 1998,
      pages: '345-7',
      doi: null,
      pmid: '10456789',
    })
  })

  it('reads a PubMed book chapter', () => {
    const book = parseReferences(fixtureBytes('pubmed.xml')).records[2]
    expect(book).toMatchObject({
      title: 'Social prescribing in primary care: a realist review',
      authors: ['Tierney, Stephanie'],
      year: 2020,
      pmid: '30000123',
      abstract: 'Link workers connect patients with community resources.',
    })
  })

  it('keeps the complete articles of a file cut off mid-article and reports the cut one', () => {
    const text = fixtureText('pubmed.xml')
    const { records, issues } = parsePubmedXml(text.slice(0, text.indexOf('<PubmedBookArticle>') + 200))
    expect(records.map((record) => record.pmid)).toEqual(['28713072', '10456789', '30000123'])
    expect(issues).toEqual([
      {
        line: 6,
        record: 3,
        message: 'PubMed XML article 3 has no closing </PubmedBookArticle>; read up to the end of the file',
      },
    ])
  })
})
