import { describe, expect, it } from 'vitest'
import { parseEndnoteXml } from '../../../src/domain/formats/endnote-xml.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { fixtureBytes, fixtureText } from './fixture.ts'

describe('parseEndnoteXml', () => {
  it('reads single-line EndNote XML with style runs and entities', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('endnote.xml'))
    expect(format).toBe('endnote_xml')
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({
      title: 'Social prescribing link workers & multimorbidity: a feasibility trial',
      abstract: 'Link workers supported patients with two or more long-term conditions – a feasibility study.',
      authors: ['Kiely, Bridget', 'Clyne, Barbara'],
      year: 2021,
      journal: 'BMJ Open',
      volume: '11',
      issue: '6',
      pages: 'e049000',
      doi: '10.1136/bmjopen-2021-049000',
      pmid: '34100001',
      keywords: ['social prescribing', 'multimorbidity'],
      language: 'eng',
      url: 'https://bmjopen.bmj.com/content/11/6/e049000',
      publicationType: 'Journal Article',
      line: 1,
    })
    expect(records[1]).toMatchObject({
      title: 'Urban beekeeping <a practical guide>',
      publicationType: 'Book',
      year: 2018,
    })
    expect(records[0]?.originalText.startsWith('<record>')).toBe(true)
  })

  it('keeps the complete records of a file cut off mid-record and reports the cut one', () => {
    const text = fixtureText('endnote.xml')
    const cut = text.slice(0, text.lastIndexOf('<dates>'))
    const { records, issues } = parseEndnoteXml(cut)
    expect(records.map((r) => r.title)).toEqual([
      'Social prescribing link workers & multimorbidity: a feasibility trial',
      'Urban beekeeping <a practical guide>',
    ])
    expect(issues).toEqual([
      expect.objectContaining({ record: 2, message: expect.stringContaining('no closing </record>') }),
    ])
  })

  it('numbers lines in multi-line files', () => {
    const { records } = parseEndnoteXml(
      '<xml>\n<records>\n<record>\n<titles><title>A</title></titles>\n</record>\n<record><titles><title>B</title></titles></record></records></xml>',
    )
    expect(records.map((r) => r.line)).toEqual([3, 6])
  })
})
