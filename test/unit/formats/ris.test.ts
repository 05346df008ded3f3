import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { parseRis } from '../../../src/domain/formats/ris.ts'
import { fixtureBytes } from './fixture.ts'

const parse = (name: string) => parseReferences(fixtureBytes(name))

describe('parseRis', () => {
  it('keeps a multi-line abstract from an Ovid RIS export', () => {
    const [record] = parse('ovid.ris').records
    expect(record?.abstract).toBe(
      'Link workers sit between general practice and the voluntary sector. This ethnography followed eight link workers for six months. Their role was negotiated daily with patients and practice staff.',
    )
  })

  it('skips Ovid numbering, NL lines and link text between records', () => {
    const { records, issues } = parse('ovid.ris')
    expect(records.map((r) => r.title)).toEqual([
      'Social prescribing link workers and the boundaries of their role: an ethnography.',
      'Soil microbiome responses to drought in upland grassland.',
    ])
    expect(records.map((r) => r.line)).toEqual([2, 28])
    expect(issues).toEqual([])
  })

  it('normalises the fields of an Ovid record', () => {
    const [record] = parse('ovid.ris').records
    expect(record).toMatchObject({
      authors: ['Moreno, Lucia', 'Hughes, Tom'],
      year: 2021,
      journal: 'Health & Social Care in the Community',
      volume: '29',
      issue: '4',
      pages: '1010-1019',
      doi: '10.1111/hsc.13001',
      keywords: ['*Social Prescribing', 'Primary Health Care'],
      publicationType: 'JOUR',
    })
    expect(record?.originalText.startsWith('TY  - JOUR')).toBe(true)
    expect(record?.originalText.endsWith('ER  -')).toBe(true)
  })

  it('reads records after an EBSCO preamble', () => {
    const { records } = parse('ebsco-cinahl.ris')
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ line: 5, year: 2023, doi: '10.1111/jan.15500', pages: '987-998' })
  })

  it('prefers the full journal name and uses the article number when there are no pages (Scopus)', () => {
    const [record, conference] = parse('scopus.ris').records
    expect(record).toMatchObject({
      journal: 'British Journal of General Practice',
      pages: 'e0123456',
      doi: '10.3399/bjgp.2021.0578',
      language: 'English',
    })
    expect(record?.keywords).toEqual(['social prescribing', 'link workers', 'primary care'])
    expect(conference).toMatchObject({ publicationType: 'CONF', pages: '55-61' })
  })

  it('ends a record without ER at the next TY and reports it', () => {
    const { records, issues } = parse('missing-er.ris')
    expect(records.map((r) => r.title)).toEqual([
      'Link workers in social prescribing: a national survey',
      'A record whose ER line was lost',
      null,
    ])
    expect(issues).toEqual([
      expect.objectContaining({ line: 7, record: 2, message: expect.stringContaining('no "ER" line') }),
      expect.objectContaining({ line: 12, record: 3, message: expect.stringContaining('end of the file') }),
    ])
  })

  it('keeps a record without a title instead of dropping it', () => {
    const untitled = parse('missing-er.ris').records[2]
    expect(untitled).toMatchObject({ title: null, abstract: 'This record has no title at all.', year: 2020 })
  })

  it('takes a PMID from AN only when the database is PubMed, or from a PMID note', () => {
    const [pubmed, embase] = parse('pubmed-zotero.ris').records
    expect(pubmed).toMatchObject({ pmid: '34000001', doi: '10.1136/bmjopen-2021-050000' })
    expect(embase?.pmid).toBe('33999999')
  })

  it('reads files with bare CR line endings', () => {
    const { records } = parse('bare-cr.ris')
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({ abstract: 'First line of the abstract continues here.', line: 1 })
    expect(records[1]?.line).toBe(9)
  })

  it('reads CRLF files whose last line is "ER  -" without a newline', () => {
    const { records, issues } = parse('crlf-no-final-newline.ris')
    expect(records).toEqual([
      expect.objectContaining({ title: "Link workers' emotional labour", line: 3, publicationType: 'THES' }),
    ])
    expect(issues).toEqual([])
  })

  it('reads UTF-16 and Windows-1252 files', () => {
    expect(parse('utf16le-bom.ris').records[0]?.authors).toEqual(['Muñoz, José'])
    expect(parse('windows-1252.ris').records[0]?.authors).toEqual(['Lefèvre, Hélène'])
  })

  it('tolerates one-space separators, lowercase tags and long tags', () => {
    const { records } = parseRis('ty  - JOUR\nTI - One space\nPMID  - 12345678\nau  - Lower, Case\nER -\n')
    expect(records[0]).toMatchObject({ title: 'One space', pmid: '12345678', authors: ['Lower, Case'] })
  })

  it('reports a record that does not start with TY but still reads it', () => {
    const { records, issues } = parseRis('TI  - Orphan title\nER  - \n')
    expect(records[0]?.title).toBe('Orphan title')
    expect(issues[0]?.message).toContain('starts with "TI" instead of "TY"')
  })
})
