import { describe, expect, it } from 'vitest'
import { guessDelimiter } from '../../../src/domain/formats/delimited-rows.ts'
import { parseDelimited } from '../../../src/domain/formats/delimited.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { fixtureBytes } from './fixture.ts'

describe('parseDelimited', () => {
  it('reads a Covidence CSV with a quoted multi-line abstract and doubled quotes', () => {
    const { records, issues } = parseReferences(fixtureBytes('covidence.csv'))
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({
      title: 'Social prescribing link workers in rural practices: "a bridge" to the community',
      authors: ['Evans, Gwen', 'Parry, Lowri'],
      abstract:
        'Background: Rural practices employ link workers. Methods: Interviews with 12 link workers. Results: Travel time shaped the role.',
      year: 2022,
      journal: 'Rural and Remote Health',
      pages: '6800',
      doi: '10.22605/rrh6800',
      line: 2,
    })
    expect(records[1]).toMatchObject({ title: 'Deep learning for retinal imaging', line: 5 })
  })

  it('reads a Rayyan CSV whose keyword cells hold more semicolons than its header has commas', () => {
    const result = parseReferences(fixtureBytes('rayyan.csv'))
    expect(result).toMatchObject({ format: 'csv', issues: [] })
    const [included, excluded, undecided] = result.records
    expect(included).toMatchObject({
      title:
        'Social prescribing link workers and the work of connecting patients to community groups: a qualitative study',
      authors: ['Moffatt, S.', 'Steer, M.', 'Lawson, S.', 'Penn, L.', "O'Brien, N."],
      year: 2021,
      journal: 'Br J Gen Pract',
      volume: '71',
      issue: '704',
      pages: 'e190-e198',
      doi: '10.3399/bjgp21x714999',
      pmid: '33558329',
      language: 'English',
      url: 'https://www.embase.com/search/results?subaction=viewrecord&id=L2011234567&from=export',
      line: 2,
    })
    expect(included?.keywords).toHaveLength(24)
    expect(included?.originalText).toContain('RAYYAN-INCLUSION: {""Alice""=>""Included"", ""Bob""=>""Included""}')
    expect(excluded).toMatchObject({ authors: ['Kumar, A.', 'de Vries, H.'], pmid: '31839500' })
    expect(undecided).toMatchObject({
      title: 'Community navigators in rural Wales: "a bridge" to services',
      abstract: 'Link workers in rural Wales described travel time and geography as shaping the role.',
      doi: null,
      keywords: [],
    })
  })

  it('guesses the delimiter from whole rows, quotes and all', () => {
    const keywords = Array.from({ length: 12 }, (_, i) => `term ${i}`).join(';')
    expect(guessDelimiter(`title,year,keywords\nA study,2020,${keywords}\nAnother,2021,${keywords}\n`)).toBe(',')
    // Excel's semicolon CSV quotes only cells holding a semicolon, so abstracts keep bare commas.
    expect(guessDelimiter('Title;Year;Abstract\nA;2020;One, two, three, four\nB;2021;Five\n')).toBe(';')
    expect(guessDelimiter('Title\tYear\nA, B and C\t2020\n')).toBe('\t')
  })

  it('reads journal, year, volume, issue and pages from Embase’s Source citation and keeps Emtree’s qualified terms whole', () => {
    const [article, online, noIssue] = parseReferences(fixtureBytes('embase-source.csv')).records
    expect(article).toMatchObject({
      journal: 'British Journal of General Practice',
      year: 2019,
      volume: '69',
      issue: '686',
      pages: 'e616-e624',
      authors: ['Wildman J.M.', 'Moffatt S.', 'Steer M.'],
      keywords: ['social prescribing', 'link worker'],
    })
    expect(online).toMatchObject({ journal: 'Nature Communications', volume: '15', issue: '1', pages: '4063' })
    expect(noIssue).toMatchObject({ journal: 'Health and Social Care in the Community', volume: '29', issue: null })
    const emtree = parseReferences(fixtureBytes('embase-source.csv'), {
      columnMapping: { Title: 'title', 'Emtree Medical Index Terms': 'keywords' },
    }).records[0]
    expect(emtree?.keywords).toEqual([
      'adult',
      'chronic disease (therapy, rehabilitation)',
      'female',
      'human',
      'interview',
      'male',
    ])
  })

  it('reads volume, issue and pages from PubMed’s Citation column', () => {
    const [first, second] = parseReferences(fixtureBytes('pubmed.csv')).records
    expect(first).toMatchObject({
      pmid: '33558329',
      journal: 'Br J Gen Pract',
      year: 2021,
      volume: '71',
      issue: '704',
      pages: 'e190-e198',
      doi: '10.3399/bjgp21x714999',
    })
    expect(second).toMatchObject({ volume: '120', issue: '17', pages: 'e2217872120' })
  })

  it('maps OpenAlex’s dotted headers and its "|" lists', () => {
    const [record] = parseReferences(fixtureBytes('openalex.csv')).records
    expect(record).toMatchObject({
      title: 'Link workers in general practice',
      authors: ['Suzanne Moffatt', 'Mark Steer', 'Sarah Lawson'],
      journal: 'British Journal of General Practice',
      volume: '71',
      issue: '704',
      pages: 'e190-e198',
      pmid: '33558329',
      doi: '10.3399/bjgp21x714999',
      keywords: ['Social prescribing', 'Primary care', 'Qualitative research'],
    })
  })

  it('maps Scopus CSV headers', () => {
    const [review, article] = parseReferences(fixtureBytes('scopus.csv')).records
    expect(review).toMatchObject({
      authors: ['Tierney S.', 'Wong G.'],
      journal: 'British Journal of General Practice',
      pages: 'e0123456',
      pmid: '35000001',
      language: 'English',
      publicationType: 'Review',
      keywords: ['social prescribing', 'link workers', 'Humans', 'Referral and Consultation'],
      url: 'https://www.scopus.com/inward/record.uri?eid=2-s2.0-1',
    })
    expect(article).toMatchObject({ pages: '55-61', doi: null })
  })

  it('asks for a column mapping when it does not know the headers', () => {
    const result = parseReferences(fixtureBytes('unknown-headers.tsv'))
    expect(result).toMatchObject({
      format: 'tsv',
      records: [],
      needsMapping: { headers: ['Ref ID', 'Headline', 'Writers', 'When'] },
    })
  })

  it('uses the mapping the user gave', () => {
    const result = parseReferences(fixtureBytes('unknown-headers.tsv'), {
      columnMapping: { Headline: 'title', Writers: 'authors', When: 'year', 'Ref ID': 'ignore' },
    })
    expect(result.needsMapping).toBeUndefined()
    expect(result.records).toEqual([
      expect.objectContaining({
        title: 'Social prescribing link workers: a diary study',
        authors: ['Owen, Ruth'],
        year: 2019,
      }),
    ])
  })

  it('finds the header row after preamble lines (Embase)', () => {
    const text =
      '"SEARCH QUERY","link worker:ti"\n-----\n\n"Title","Author Names","Publication Year"\n"Link workers in Wales","Evans G., Parry L.","2022"\n'
    expect(parseDelimited(text).records).toEqual([
      expect.objectContaining({
        title: 'Link workers in Wales',
        authors: ['Evans G.', 'Parry L.'],
        year: 2022,
        line: 5,
      }),
    ])
  })

  it('reports a quoted cell that never closes and a short row', () => {
    const { records, issues } = parseDelimited('Title,Year\n"Unclosed title,2020\n')
    expect(records).toHaveLength(1)
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('never closed'),
      expect.stringContaining('1 of 2 columns'),
    ])
  })
})
