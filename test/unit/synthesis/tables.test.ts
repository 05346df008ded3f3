import { describe, expect, it } from 'vitest'
import { chainOf } from '../../../src/domain/synthesis/chain.ts'
import { gridTable, juxtapositionGrid } from '../../../src/domain/synthesis/grid.ts'
import { tableCsv, tableMarkdown } from '../../../src/domain/synthesis/simple-table.ts'
import { brittenTable, constructChainTable } from '../../../src/domain/synthesis/translation-tables.ts'
import { linkWorkerSnapshot } from '../../support/synthesis-snapshot.ts'

describe('juxtaposition grid', () => {
  it('puts each mapped construct in its concept’s row and its study’s column, keeping empty cells', () => {
    const grid = juxtapositionGrid(linkWorkerSnapshot())
    const boundaries = grid.rows[0]!
    expect(boundaries.cells.map((cell) => cell.map((entry) => entry.construct.label))).toEqual([
      ['Blurred boundaries'],
      [],
      ['Clear referral criteria'],
    ])
    expect(grid.rows[2]!.cells.every((cell) => cell.length === 0)).toBe(true)
  })

  it('lists constructs mapped to no concept under their study', () => {
    const snapshot = linkWorkerSnapshot()
    const grid = juxtapositionGrid({ ...snapshot, mappings: snapshot.mappings.filter((m) => m.secondOrderId !== 12) })
    expect(grid.unmapped.map((constructs) => constructs.map((c) => c.label))).toEqual([['Emotional toll'], [], []])
  })

  it('exports refutations marked, one construct per line', () => {
    const table = gridTable(juxtapositionGrid(linkWorkerSnapshot()))
    expect(table.columns).toEqual(['Concept', 'Frostick 2019', 'Griffith 2023', 'Pollard 2023'])
    expect(table.rows[0]).toEqual(['Role boundaries', 'Blurred boundaries', '', 'Clear referral criteria [refutes]'])
  })
})

describe('translation tables in both published layouts', () => {
  it('Britten-style: concepts by studies, with the third-order interpretations built from each concept', () => {
    const table = brittenTable(linkWorkerSnapshot())
    expect(table.columns.at(-1)).toBe('Third-order interpretations')
    expect(table.rows[1]).toEqual([
      'Emotional labour',
      'Emotional toll',
      'Holding while waiting',
      '',
      'Holding more than the role was designed for',
    ])
  })

  it('construct chain: second-order constructs with studies, quotes, contributing studies and the refutation', () => {
    const [holding, signposting] = constructChainTable(linkWorkerSnapshot()).rows
    expect(holding![1]!.split('\n')).toEqual([
      'Blurred boundaries (Frostick 2019)',
      'Emotional toll (Frostick 2019)',
      'Holding while waiting (Griffith 2023)',
      'Clear referral criteria (Pollard 2023)',
    ])
    expect(holding![2]).toContain('“I end up doing everything” (Frostick 2019, p. 4)')
    expect(holding![3]).toBe('Frostick 2019; Griffith 2023; Pollard 2023')
    expect(holding![4]).toBe('Reciprocal\nRefutational: Pollard 2023: Protected caseloads kept the role bounded')
    expect(signposting!.slice(1)).toEqual(['', '', '', ''])
  })

  it('the chain behind a construct lists its concepts, constructs and quotes in translation order', () => {
    const chain = chainOf(linkWorkerSnapshot(), [5001])
    expect(chain.studies.map((study) => study.label)).toEqual(['Frostick 2019', 'Griffith 2023', 'Pollard 2023'])
    expect(chain.concepts.map((entry) => entry.concept.label)).toEqual(['Role boundaries', 'Emotional labour'])
    expect(chain.quotes.map((quote) => quote.id)).toEqual([101, 201])
  })
})

describe('table exports', () => {
  it('writes CSV as UTF-8 with a byte-order mark and keeps multi-line cells in one quoted cell', () => {
    const csv = tableCsv({ title: 't', columns: ['A', 'B'], rows: [['one\ntwo', '=SUM(A1)']] })
    expect(csv.startsWith('\uFEFFA,B\r\n')).toBe(true)
    expect(csv).toContain('"one\ntwo",\'=SUM(A1)\r\n')
  })

  it('writes Markdown with pipes and HTML in user text escaped', () => {
    const markdown = tableMarkdown({ title: 't', columns: ['A'], rows: [['a | b <script>']] })
    expect(markdown).toContain('| a \\| b &lt;script&gt; |')
  })
})
