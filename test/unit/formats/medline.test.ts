import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { parseMedline } from '../../../src/domain/formats/medline.ts'
import { fixtureBytes } from './fixture.ts'

describe('parseMedline', () => {
  it('reads a PubMed .nbib export with wrapped title and abstract', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('pubmed.nbib'))
    expect(format).toBe('medline')
    expect(issues).toEqual([])
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      title: 'How link workers in social prescribing schemes build trust with patients: a qualitative interview study.',
      authors: ['Okafor, Chidi', 'Lindqvist, Maja'],
      year: 2020,
      journal: 'The British journal of general practice',
      volume: '70',
      issue: '691',
      pages: 'e104-e112',
      doi: '10.3399/bjgp20x707921',
      pmid: '31000001',
      keywords: ['Humans', '*Referral and Consultation', 'link worker', 'social prescribing'],
      language: 'eng',
      publicationType: "Journal Article; Research Support, Non-U.S. Gov't",
      line: 1,
    })
    expect(records[0]?.abstract).toMatch(
      /^BACKGROUND: Social prescribing connects .* RESULTS: Trust grew from time, continuity and flexibility\.$/,
    )
  })

  it('takes the DOI from AID when LID has none', () => {
    const record = parseReferences(fixtureBytes('pubmed.nbib')).records[1]
    expect(record).toMatchObject({ doi: '10.1161/hyp.0000000000000099', year: 2019, line: 33 })
  })

  it('starts a new record at a second PMID even without a blank line, and reads "PMID-123"', () => {
    const { records } = parseMedline('PMID-1\nTI  - One\nPMID- 2\nTI  - Two\n')
    expect(records.map((r) => [r.pmid, r.title])).toEqual([
      ['1', 'One'],
      ['2', 'Two'],
    ])
  })

  it('reads an ERIC .nbib record that has no PMID', () => {
    const { records } = parseMedline(
      'OWN - ERIC\nTI  - Link workers in schools\nAID - http://dx.doi.org/10.1000/1\nISSN - ISSN-1234-4567\n',
    )
    expect(records[0]).toMatchObject({ title: 'Link workers in schools', pmid: null, doi: '10.1000/1' })
  })
})
