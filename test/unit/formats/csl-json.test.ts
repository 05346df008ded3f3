import { describe, expect, it } from 'vitest'
import { parseCslJson } from '../../../src/domain/formats/csl-json.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { fixtureBytes, fixtureText } from './fixture.ts'

describe('parseCslJson', () => {
  it('maps CSL-JSON items and drops _graph', () => {
    const { format, records, issues } = parseReferences(fixtureBytes('csl.json'))
    expect(format).toBe('csl_json')
    expect(issues).toEqual([])
    expect(records[0]).toMatchObject({
      title: 'Social prescribing link workers: what do they do?',
      authors: ['Husk, Kerryn', 'Social Prescribing Network'],
      year: 2020,
      journal: 'Health & Social Care in the Community',
      issue: '2',
      pages: '309-325',
      doi: '10.1111/hsc.12839',
      pmid: '31502314',
      keywords: ['social prescribing', 'link worker'],
      line: 2,
    })
    expect(records[0]?.csl).not.toHaveProperty('_graph')
    expect(records[0]?.originalText).toContain('"id": "husk2020"')
    expect(records[1]).toMatchObject({ title: null, year: 2017, publicationType: 'report', line: 19 })
  })

  it('keeps the items before the cut in a truncated file and reports the cut one', () => {
    const text = fixtureText('csl.json')
    const { records, issues } = parseCslJson(text.slice(0, text.indexOf('"notitle"')))
    expect(records).toHaveLength(1)
    expect(issues).toEqual([
      expect.objectContaining({ record: 2, line: 19, message: expect.stringContaining('cut off') }),
    ])
  })

  it('reads a single object as one item', () => {
    expect(parseCslJson('{"type":"book","title":"Community links"}').records[0]?.title).toBe('Community links')
  })
})
