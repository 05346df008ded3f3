import { describe, expect, it } from 'vitest'
import { parseBibtex } from '../../../src/domain/formats/bibtex.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { fixtureBytes } from './fixture.ts'

describe('parseBibtex', () => {
  it('reads a Zotero BibTeX export through citation-js, with @string macros and LaTeX accents', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('zotero.bib'))
    expect(format).toBe('bibtex')
    expect(issues).toEqual([])
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      title: 'Social prescribing: Link workers and the NHS',
      authors: ['Drinkwater, Chris', 'Wildman, Josephine', 'Moffatt, Suzanne'],
      year: 2019,
      journal: 'British Journal of General Practice',
      volume: '69',
      issue: '680',
      doi: '10.3399/bjgp19x701321',
      keywords: ['social prescribing', 'link workers'],
      abstract: 'Link workers help patients with non-medical needs.',
      publicationType: 'article-journal',
      line: 5,
    })
    expect(records[1]).toMatchObject({ authors: ['Müller, Jörg'], year: 2020, line: 18 })
  })

  it("keeps each entry's own text and its CSL without _graph", () => {
    const [first] = parseReferences(fixtureBytes('zotero.bib')).records
    expect(first?.originalText.startsWith('@article{drinkwater2019,')).toBe(true)
    expect(first?.originalText.endsWith('}')).toBe(true)
    expect(first?.csl).toBeDefined()
    expect(first?.csl).not.toHaveProperty('_graph')
  })

  it('keeps a broken entry with the fields it can read and reports it', () => {
    const text =
      '@article{good, title={Link workers}, year={2020}}\n@article{bad, title={Unclosed value, year=2019,\n@article{next, title={After}}\n'
    const { records, issues } = parseBibtex(text)
    expect(records.map((r) => r.title)).toEqual(['Link workers', expect.stringContaining('Unclosed'), 'After'])
    expect(issues[0]).toMatchObject({ line: 2, message: expect.stringContaining('not closed') })
  })

  it('reads Scopus author lists joined by commas, with and without affiliation letters', () => {
    const text = [
      '@ARTICLE{DAmbrosio20171339,',
      "author={D'Ambrosio, A.a , Aria, M.a , Iorio, C.b , Siciliano, R.b },",
      'title={Regression trees for multivalued numerical response variables},',
      'year={2017},',
      '}',
      '@ARTICLE{Celentano2016,',
      'author={Celentano, A.a  b  c , Tovaru, S.d , Mignogna, M.D.a },',
      'title={Oral erythema multiforme},',
      'year={2016},',
      '}',
      '@ARTICLE{Siciliano2016,',
      'author={Siciliano, R., D’Ambrosio, A., Aria, M., Amodio, S.},',
      'title={Analysis of web visit histories},',
      'year={2016},',
      '}',
      '@ARTICLE{vonJr,',
      'author={von Last, Jr, First},',
      'title={One author with a suffix},',
      'year={2016},',
      '}',
    ].join('\n')
    const { records } = parseBibtex(text)
    expect(records.map((record) => record.authors)).toEqual([
      ["D'Ambrosio, A.", 'Aria, M.', 'Iorio, C.', 'Siciliano, R.'],
      ['Celentano, A.', 'Tovaru, S.', 'Mignogna, M.D.'],
      ['Siciliano, R.', 'D’Ambrosio, A.', 'Aria, M.', 'Amodio, S.'],
      [expect.stringContaining('Last')],
    ])
    expect(records[0]?.originalText).toContain("author={D'Ambrosio, A.a , Aria, M.a ,")
  })

  it('reads CoLRev entries whose field names have dots (colrev.dblp.dblp_key) with their authors', () => {
    const text = [
      '@article{Staehr2010,',
      '   colrev_status                 = {md_prepared},',
      '   colrev_data_provenance        = {doi:md_curated.bib/000001;;',
      '                                    colrev.dblp.dblp_key:md_curated.bib/000001;;},',
      '   doi                           = {10.1111/J.1365-2575.2008.00316.X},',
      '   colrev.dblp.dblp_key          = {https://dblp.org/rec/journals/isj/Staehr10},',
      '   author                        = {Staehr, Lorraine and vom Brocke, Jan},',
      '   title                         = {Understanding the role of managerial agency},',
      '   year                          = {2010},',
      '}',
    ].join('\n')
    const { records, issues } = parseBibtex(text)
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({
      authors: ['Staehr, Lorraine', 'vom Brocke, Jan'],
      title: 'Understanding the role of managerial agency',
      doi: '10.1111/j.1365-2575.2008.00316.x',
      year: 2010,
    })
    expect(records[0]?.originalText).toContain('colrev.dblp.dblp_key          = {https://dblp.org')
  })

  it('keeps the authors of an entry it cannot parse', () => {
    const { records } = parseBibtex(
      '@article{bad, author = {Evans, Gwen and Parry, Lowri}, title = {Link {workers}, year=2019,\n',
    )
    expect(records[0]?.authors).toEqual(['Evans, Gwen', 'Parry, Lowri'])
  })
})
