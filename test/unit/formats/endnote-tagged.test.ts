import { describe, expect, it } from 'vitest'
import { parseEndnoteTagged } from '../../../src/domain/formats/endnote-tagged.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { fixtureBytes } from './fixture.ts'

describe('parseEndnoteTagged', () => {
  it('reads an EndNote .enw export written on Windows', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('endnote.enw'))
    expect(format).toBe('endnote_tagged')
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({
      title:
        'Link Worker social prescribing to improve health and well-being for people with long-term conditions: qualitative study of service user perceptions',
      authors: ['Moffatt, Suzanne', 'Steer, Mark', 'Lawson, Sarah'],
      journal: 'BMJ Open',
      year: 2017,
      volume: '7',
      issue: '7',
      pages: 'e015203',
      doi: '10.1136/bmjopen-2016-015203',
      pmid: '28713072',
      keywords: ['social prescribing', 'link worker', 'long-term conditions', 'qualitative research'],
      language: 'eng',
      url: 'https://bmjopen.bmj.com/content/7/7/e015203',
      publicationType: 'Journal Article',
      abstract:
        'Objective: To explore the experiences of patients with long-term conditions referred to a link worker social prescribing programme. Design: Qualitative study with semi-structured interviews.',
      line: 1,
    })
    expect(records[0]?.originalText.startsWith('%0 Journal Article\n%A Moffatt, Suzanne')).toBe(true)
  })

  it('reads records that begin with %T or have no %0, as AIS eLibrary writes them, with the journal in %B', () => {
    const [, evans, contents] = parseReferences(fixtureBytes('endnote.enw')).records
    expect(evans).toMatchObject({
      title: 'Community connectors in Wales: a realist evaluation',
      authors: ['Evans, Gwen', 'de Vries, Hanna'],
      journal: 'Health and Social Care in the Community',
      pages: '1201-1210',
      doi: '10.1111/hsc.12788',
      pmid: '31234567',
    })
    expect(contents).toMatchObject({ title: 'Table of Contents', pages: 'i-ii', publicationType: null })
  })

  it('starts a new record at a second %0 even without a blank line', () => {
    const { records } = parseEndnoteTagged('%0 Journal Article\n%T First\n%0 Book\n%T Second\n%D 2020\n')
    expect(records.map((record) => [record.title, record.publicationType, record.year])).toEqual([
      ['First', 'Journal Article', null],
      ['Second', 'Book', 2020],
    ])
  })
})
