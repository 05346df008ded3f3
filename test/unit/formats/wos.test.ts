import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { parseWos } from '../../../src/domain/formats/wos.ts'
import { fixtureBytes } from './fixture.ts'

const husk = {
  title: 'Social prescribing link workers: what do they do and how do they do it? A systematic review',
  authors: ['Husk, Kerryn', 'Blockley, Kelly'],
  year: 2020,
  journal: 'HEALTH & SOCIAL CARE IN THE COMMUNITY',
  volume: '28',
  issue: '2',
  pages: '309-325',
  doi: '10.1111/hsc.12839',
  pmid: '31502314',
  language: 'English',
  publicationType: 'Review',
}

describe('parseWos', () => {
  it('reads a field-tagged export: one author per continuation line, wrapped titles joined', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('wos.txt'))
    expect(format).toBe('wos')
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({ ...husk, line: 3 })
    expect(records[0]?.keywords).toEqual([
      'social prescribing',
      'link worker',
      'primary care',
      'community referral',
      'HEALTH',
      'CARE',
    ])
    expect(records[1]).toMatchObject({
      title: 'Graphene coatings for marine corrosion protection',
      pages: '108123',
      line: 28,
    })
  })

  it('reads a tab-delimited export with the same field codes', () => {
    const { format, records } = parseReferences(fixtureBytes('wos-tab.txt'))
    expect(format).toBe('wos_tab')
    expect(records[0]).toMatchObject({ ...husk, title: 'Social prescribing link workers: what do they do?' })
    expect(records[1]).toMatchObject({ pages: '108123', year: 2019 })
  })

  it('splits ISI/MEDLINE-style author lines on semicolons and reads PMIDs from UT', () => {
    const { records } = parseWos(
      'PT J\nTI A title\nAU Wesensten, Nancy J; Joffe, Hadine\nPS 2457-71\nUT MEDLINE:16842170\nER\n',
    )
    expect(records[0]).toMatchObject({
      authors: ['Wesensten, Nancy J', 'Joffe, Hadine'],
      pages: '2457-71',
      pmid: '16842170',
    })
  })

  it('keeps names with a lower-case particle whole, one author per line', () => {
    const { records } = parseWos(
      'PT J\nAU de Jeu, RAM\n   van Dijk, AIJM\nAF de Jeu, Richard A. M.\n   van Dijk, Albert I. J. M.\n   Holmes, Thomas R. H.\nTI Soil moisture\nER\n',
    )
    expect(records[0]?.authors).toEqual(['de Jeu, Richard A. M.', 'van Dijk, Albert I. J. M.', 'Holmes, Thomas R. H.'])
  })
})
