import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { parseOvid } from '../../../src/domain/formats/ovid.ts'
import { fixtureBytes } from './fixture.ts'

describe('parseOvid', () => {
  const { format, records, issues } = parseReferences(fixtureBytes('ovid.txt'))

  it('reads an Ovid MEDLINE record past the search strategy Ovid prints first', () => {
    expect(format).toBe('ovid')
    expect(issues).toEqual([])
    expect(records).toHaveLength(4)
    expect(records[0]).toMatchObject({
      title:
        'Link Worker social prescribing to improve health and well-being for people with long-term conditions: qualitative study of service user perceptions.',
      authors: ['Moffatt, Suzanne', 'Steer, Mark', 'Lawson, Sarah', 'Penn, Linda', "O'Brien, Nicola"],
      journal: 'BMJ Open',
      year: 2017,
      volume: '7',
      issue: '7',
      pages: 'e015203',
      doi: '10.1136/bmjopen-2016-015203',
      pmid: '28713072',
      abstract:
        'OBJECTIVE: To explore the experiences of patients with long-term conditions referred to a link worker social prescribing programme. DESIGN: Qualitative study.',
      keywords: [
        'qualitative research',
        'social prescribing',
        'Adult',
        'Chronic Disease/th [Therapy]',
        'Humans',
        'Social Work',
      ],
      language: 'English',
      line: 11,
    })
    expect(records[0]?.originalText.split('\n').slice(0, 3)).toEqual(['<1>', 'Unique Identifier', '  28713072'])
  })

  it('reads Embase’s and PsycINFO’s Source lines, and keeps their accession numbers out of the PMID', () => {
    expect(records[1]).toMatchObject({
      title: 'Social prescribing for people with long-term conditions: a realist evaluation.',
      authors: ['Wildman J.M.', 'Moffatt S.', 'Steer M.'],
      journal: 'British Journal of General Practice',
      volume: '69',
      issue: '686',
      pages: 'e616-e624',
      year: 2019,
      pmid: '31358493',
      keywords: ['link worker', 'long-term conditions', 'social prescribing'],
    })
    expect(records[2]).toMatchObject({
      journal: 'Health & Social Care in the Community',
      volume: '27',
      issue: '5',
      pages: '1201-1210',
      pmid: null,
      doi: '10.1111/hsc.12788',
    })
    expect(records[3]).toMatchObject({ journal: 'Nature Communications', volume: '15', pages: '4063', pmid: null })
  })

  it('says so when a file has no "<1>" record', () => {
    expect(parseOvid('Database: Ovid MEDLINE\nSearch Strategy:\n').issues).toEqual([
      { line: 1, message: 'No Ovid record ("<1>") found' },
    ])
  })
})
