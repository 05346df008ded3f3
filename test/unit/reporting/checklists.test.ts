import { describe, expect, it } from 'vitest'
import { EMERGE_ITEMS, ENTREQ_ITEMS } from '../../../src/domain/reporting/checklist-items.ts'
import { checklistTable } from '../../../src/domain/reporting/checklist-table.ts'
import { EVIDENCE_KEYS, EVIDENCE_PAGES } from '../../../src/domain/reporting/evidence.ts'
import { emergeRows, reportMarkdown } from '../../../src/domain/reporting/synthesis-report.ts'
import { soqfTable } from '../../../src/domain/cerqual/tables.ts'

describe('reporting checklists', () => {
  it('has eMERGe’s 19 items and ENTREQ’s 21, numbered in order', () => {
    expect(EMERGE_ITEMS.map((item) => item.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
    expect(ENTREQ_ITEMS.map((item) => item.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    expect(EMERGE_ITEMS[12]!.heading).toBe('Process of translating studies')
  })

  it('links the eMERGe items on relating, translating and synthesising to the grid, translation tables and line of argument', () => {
    const evidence = (n: number) => EMERGE_ITEMS[n - 1]!.evidence
    expect(evidence(8)).toContain('prisma')
    expect(evidence(10)).toContain('characteristics')
    expect(evidence(12)).toContain('grid')
    expect(evidence(13)).toContain('translation_tables')
    expect(evidence(14)).toContain('translation_tables')
    expect(evidence(16)).toContain('line_of_argument')
    expect(evidence(5)).toContain('search_log')
  })

  it('points every item’s evidence at a page of the review', () => {
    for (const item of [...EMERGE_ITEMS, ...ENTREQ_ITEMS]) {
      for (const key of item.evidence) {
        expect(EVIDENCE_KEYS).toContain(key)
        expect(EVIDENCE_PAGES[key].path).toMatch(/^\/[a-z-]+(\/[a-z-]+)?$/)
      }
    }
  })

  it('exports the answers with each item and its evidence', () => {
    const table = checklistTable('emerge', new Map([[13, { location: 'Methods, p. 6', notes: 'Table 2' }]]))
    expect(table.rows).toHaveLength(19)
    expect(table.rows[12]!.slice(3)).toEqual([
      'Translation order and rationale\nTranslation tables',
      'Methods, p. 6',
      'Table 2',
    ])
    expect(table.rows[7]![3]).toContain('PRISMA 2020 flow diagram')
  })
})

describe('synthesis report as Markdown', () => {
  it('expresses the line of argument, constructs with studies and quotes, SoQF, where the other stages’ sections are, and eMERGe', () => {
    const markdown = reportMarkdown(
      {
        reviewTitle: 'Link workers',
        question: 'What shapes link workers’ experiences?',
        statement: 'Tensions at every level <b>',
        levels: [{ label: 'System', constructs: ['Depleted sector'] }],
        relations: [{ from: 'Depleted sector', to: 'Holding', label: 'constrains' }],
        thirdOrders: [
          {
            id: 1,
            label: 'Holding',
            definition: '',
            studies: ['Frostick 2019'],
            quotes: [{ text: 'I hold them', study: 'Frostick 2019', page: '4' }],
          },
        ],
        soqf: soqfTable([]),
        emerge: emergeRows(new Map([[1, { location: 'Intro', notes: '' }]])),
      },
      'http://weft.local/reviews/lw',
    )
    expect(markdown).toContain('Tensions at every level &lt;b&gt;')
    expect(markdown).toContain('- **System**: Depleted sector')
    expect(markdown).toContain('- Depleted sector → Holding (constrains)')
    expect(markdown).toContain('**Contributing studies (1):** Frostick 2019')
    expect(markdown).toContain('> “I hold them” (Frostick 2019, p. 4)')
    expect(markdown).toContain('PRISMA 2020 flow diagram: http://weft.local/reviews/lw/report')
    expect(markdown).toContain('| 1 | Rationale and context for the meta-ethnography | Intro |')
  })
})
