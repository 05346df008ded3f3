import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../../src/domain/prisma/counts.ts'
import { PRISMA_TEMPLATES, type PrismaTemplate } from '../../../src/domain/vocabulary.ts'
import { prismaSvgDocument } from '../../../views/prisma/flow-diagram.tsx'
import { DIAGRAM_FONT, fontWidth, wrapInFont } from '../../../views/prisma/diagram-font.ts'
import { boxNode, boxText, findAll, parseSvg, textLines, type SvgNode } from './svg-tree.ts'
import { finishedReview, halfwayReview } from './worked-examples.ts'

const svgOf = (template: PrismaTemplate) => parseSvg(prismaSvgDocument(prismaCounts(finishedReview(template))))

/** Every box of the official template with its exact label(s) and our number (METHOD.md §6.2). */
const DATABASE_BOXES: [string, string[]][] = [
  [
    'database_results',
    [
      'Records identified from*:',
      'Databases (n = 1,200)',
      'MEDLINE (n = 420)',
      'PsycINFO (n = 150)',
      'Registers (n = 30)',
      'ClinicalTrials.gov (n = 30)',
    ],
  ],
  [
    'duplicates',
    [
      'Records removed before screening:',
      'Duplicate records removed (n = 310)',
      'Records marked as ineligible by automation tools (n = 20)',
      'Records removed for other reasons (n = 0)',
    ],
  ],
  ['records_screened', ['Records screened (n = 900)']],
  ['records_excluded', ['Records excluded** (n = 840)', 'by a human (n = 800)', 'by automation tools (n = 40)']],
  ['dbr_sought_reports', ['Reports sought for retrieval (n = 60)']],
  ['dbr_notretrieved_reports', ['Reports not retrieved (n = 4)']],
  ['dbr_assessed', ['Reports assessed for eligibility (n = 56)']],
  [
    'dbr_excluded',
    [
      'Reports excluded:',
      'Wrong publication type (not primary research: review, editorial, commentary) (n = 10)',
      'Wrong study design (no qualitative data collection and analysis) (n = 20)',
      'Wrong population (n = 8)',
    ],
  ],
]
const OTHER_BOXES: [string, string[]][] = [
  [
    'website_results',
    [
      'Records identified from:',
      'Websites (n = 5)',
      'Organisations (n = 0)',
      'Citation searching (n = 25)',
      'Google Scholar alerts (n = 15)',
    ],
  ],
  ['other_sought_reports', ['Reports sought for retrieval (n = 15)']],
  ['other_notretrieved_reports', ['Reports not retrieved (n = 1)']],
  ['other_assessed', ['Reports assessed for eligibility (n = 14)']],
  ['other_excluded', ['Reports excluded:', 'Wrong population (n = 2)', 'Wrong phenomenon of interest (n = 6)']],
]

function expectBoxes(svg: SvgNode, boxes: [string, string[]][]) {
  for (const [id, labels] of boxes) {
    const node = boxNode(svg, id)
    expect(node, id).toBeDefined()
    for (const label of labels) expect(boxText(node as SvgNode), id).toContain(label)
  }
}

const headerTexts = (svg: SvgNode) =>
  findAll(svg, (node) => node.name === 'g' && node.attributes['data-box']?.startsWith('header-') === true).map(boxText)

describe('PRISMA flow diagram SVG', () => {
  it('is a standalone SVG file: XML declaration, namespace, size and viewBox, no CSS', () => {
    const source = prismaSvgDocument(prismaCounts(finishedReview('new_databases_registers_other')))
    expect(source.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true)
    const svg = parseSvg(source)
    expect(svg.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg' })
    const { width, height, viewBox } = svg.attributes
    expect(viewBox).toBe(`0 0 ${width} ${height}`)
    expect(Number(width)).toBeGreaterThan(600)
    expect(svg.attributes['font-family']).toMatch(/Arial.*sans-serif$/)
    expect(
      findAll(svg, (node) => node.name === 'style' || 'style' in node.attributes || 'class' in node.attributes),
    ).toEqual([])
    expect(source).not.toMatch(/href="http|url\((?!#)/)
  })

  it('draws template 2 (new review, other sources) with every box, label and number', () => {
    const svg = svgOf('new_databases_registers_other')
    expectBoxes(svg, [...DATABASE_BOXES, ...OTHER_BOXES])
    expect(boxText(boxNode(svg, 'new_studies') as SvgNode)).toBe(
      'Studies included in review (n = 20) Reports of included studies (n = 24)',
    )
    expect(headerTexts(svg)).toEqual([
      'Identification of studies via databases and registers',
      'Identification of studies via other methods',
    ])
    expect(boxNode(svg, 'previous_studies')).toBeUndefined()
    expect(boxNode(svg, 'total_studies')).toBeUndefined()
  })

  it('draws template 1 (new review, databases and registers only) without the other-methods column', () => {
    const svg = svgOf('new_databases_registers')
    expectBoxes(svg, DATABASE_BOXES)
    expect(boxText(boxNode(svg, 'new_studies') as SvgNode)).toBe(
      'Studies included in review (n = 15) Reports of included studies (n = 18)',
    )
    expect(headerTexts(svg)).toEqual(['Identification of studies via databases and registers'])
    for (const [id] of OTHER_BOXES) expect(boxNode(svg, id), id).toBeUndefined()
  })

  it('draws template 3 (updated review, databases and registers only) with previous studies and totals', () => {
    const svg = svgOf('updated_databases_registers')
    expectBoxes(svg, DATABASE_BOXES)
    expect(headerTexts(svg)).toEqual(['Previous studies', 'Identification of new studies via databases and registers'])
    expect(boxText(boxNode(svg, 'previous_studies') as SvgNode)).toBe(
      'Studies included in previous version of review (n = 12) Reports of studies included in previous version of review (n = 15)',
    )
    expect(boxText(boxNode(svg, 'new_studies') as SvgNode)).toBe(
      'New studies included in review (n = 15) Reports of new included studies (n = 18)',
    )
    expect(boxText(boxNode(svg, 'total_studies') as SvgNode)).toBe(
      'Total studies included in review (n = 27) Reports of total included studies (n = 33)',
    )
    for (const [id] of OTHER_BOXES) expect(boxNode(svg, id), id).toBeUndefined()
  })

  it('draws template 4 (updated review, other sources) with all three columns', () => {
    const svg = svgOf('updated_databases_registers_other')
    expectBoxes(svg, [...DATABASE_BOXES, ...OTHER_BOXES])
    expect(headerTexts(svg)).toEqual([
      'Previous studies',
      'Identification of new studies via databases and registers',
      'Identification of new studies via other methods',
    ])
    expect(boxText(boxNode(svg, 'total_studies') as SvgNode)).toBe(
      'Total studies included in review (n = 32) Reports of total included studies (n = 39)',
    )
  })

  it('labels the rows, arrows the flow and prints the footnotes and citation line on every template', () => {
    for (const template of PRISMA_TEMPLATES) {
      const svg = svgOf(template)
      const sides = findAll(svg, (node) => node.attributes['data-kind'] === 'side').map(boxText)
      expect(sides, template).toEqual(['Identification', 'Screening', 'Included'])
      const arrows = findAll(svg, (node) => node.name === 'polyline')
      // dbr: 4 (or 5) down + 4 across; other: 2 down + 2 across + 1 into included; previous: 1 into total
      const expected = (template.startsWith('updated') ? 10 : 8) + (template.endsWith('_other') ? 5 : 0)
      expect(arrows, template).toHaveLength(expected)
      expect(arrows.every((arrow) => arrow.attributes['marker-end'] === 'url(#prisma-arrow)')).toBe(true)
      const footer = textLines(findAll(svg, (node) => node.attributes['data-part'] === 'footer')[0] as SvgNode).join(
        ' ',
      )
      expect(footer, template).toContain(
        '*Consider, if feasible to do so, reporting the number of records identified from each database or register searched',
      )
      expect(footer).toContain(
        '**If automation tools were used, indicate how many records were excluded by a human and how many were excluded by automation tools.',
      )
      expect(footer).toContain(
        'From: Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD, et al. The PRISMA 2020 statement',
      )
      expect(footer).toContain('BMJ 2021;372:n71')
    }
  })

  it('escapes user text: a reason labelled <b>& and a source named with markup', () => {
    const facts = finishedReview('new_databases_registers')
    const counts = prismaCounts({
      ...facts,
      sources: [
        { name: 'A & B <script>alert(1)</script>', kind: 'database', identified: 1200 },
        ...facts.sources.slice(4),
      ],
      reasons: facts.reasons.map((reason) => (reason.id === 14 ? { ...reason, label: '<b>&' } : reason)),
    })
    const source = prismaSvgDocument(counts)
    expect(source).not.toContain('<b>')
    expect(source).not.toContain('<script>')
    const svg = parseSvg(source) // throws on a raw "<" or "&"
    expect(boxText(boxNode(svg, 'dbr_excluded') as SvgNode)).toContain('<b>& (n = 8)')
    expect(boxText(boxNode(svg, 'database_results') as SvgNode)).toContain(
      'A & B <script>alert(1)</script> (n = 1,200)',
    )
  })

  it('marks an unfinished review provisional and says what is open, in the banner and in the box concerned', () => {
    const svg = parseSvg(prismaSvgDocument(prismaCounts(halfwayReview())))
    expect(svg.attributes['data-status']).toBe('provisional')
    expect(findAll(svg, (node) => node.name === 'title')[0]?.text).toContain('provisional')
    const banner = boxText(boxNode(svg, 'provisional') as SvgNode)
    expect(banner).toContain('Provisional: the review is not finished, so these numbers will change.')
    for (const statement of [
      '312 records not yet screened',
      '4 conflicts open at title/abstract',
      '7 reports awaiting retrieval',
      '2 reports awaiting a full-text decision',
    ]) {
      expect(banner).toContain(`• ${statement}`)
    }
    expect(boxText(boxNode(svg, 'records_screened') as SvgNode)).toBe(
      'Records screened (n = 579) 312 records not yet screened 5 records awaiting a second reviewer 4 conflicts open at title/abstract',
    )
    expect(boxText(boxNode(svg, 'dbr_sought_reports') as SvgNode)).toContain('7 reports awaiting retrieval')
    expect(boxText(boxNode(svg, 'new_studies') as SvgNode)).toContain('3 included reports not yet linked to a study')
  })

  it('shows counts that disagree in a problems banner', () => {
    const facts = finishedReview('new_databases_registers')
    const svg = parseSvg(
      prismaSvgDocument(prismaCounts({ ...facts, included: { studies: 19, reports: 18, reportsNotLinked: 0 } })),
    )
    expect(svg.attributes['data-status']).toBe('inconsistent')
    expect(boxText(boxNode(svg, 'problems') as SvgNode)).toContain('These counts do not add up:')
  })

  it('keeps every line inside its box and no two boxes overlapping', () => {
    for (const template of PRISMA_TEMPLATES) {
      for (const facts of [finishedReview(template), { ...halfwayReview(), template }]) {
        const svg = parseSvg(prismaSvgDocument(prismaCounts(facts)))
        const rects = findAll(svg, (node) => node.name === 'g' && 'data-box' in node.attributes).map((group) => {
          const rect = group.children[0] as SvgNode
          const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((key) => Number(rect.attributes[key]))
          return { id: group.attributes['data-box'], group, x: x ?? 0, y: y ?? 0, w: w ?? 0, h: h ?? 0 }
        })
        for (const box of rects) {
          for (const line of findAll(box.group, (node) => node.name === 'text')) {
            const size = Number(line.attributes['font-size'] ?? 12)
            const y = Number(line.attributes.y)
            if (line.attributes.transform) continue // rotated side labels
            expect(y - size, `${template} ${box.id}: ${line.text}`).toBeGreaterThanOrEqual(box.y)
            expect(y, `${template} ${box.id}: ${line.text}`).toBeLessThanOrEqual(box.y + box.h)
            const font = line.attributes['font-weight'] === 'bold' ? DIAGRAM_FONT.header : DIAGRAM_FONT.box
            expect(fontWidth(line.text, font), `${template} ${box.id}: ${line.text}`).toBeLessThanOrEqual(box.w - 10)
          }
        }
        for (const [i, a] of rects.entries()) {
          for (const b of rects.slice(i + 1)) {
            const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
            expect(apart, `${template}: ${a.id} overlaps ${b.id}`).toBe(true)
          }
        }
      }
    }
  })
})

describe('diagram text wrapping', () => {
  it('wraps at word boundaries within the measured width and never splits a count', () => {
    const lines = wrapInFont('Records marked as ineligible by automation tools (n = 12,345)', 130, DIAGRAM_FONT.box)
    expect(lines).toEqual(['Records marked as', 'ineligible by', 'automation tools', '(n = 12,345)'])
    for (const line of lines) expect(fontWidth(line, DIAGRAM_FONT.box)).toBeLessThanOrEqual(130)
  })

  it('measures letters by their widths, not by counting them', () => {
    expect(fontWidth('iiiiiiiiii', DIAGRAM_FONT.box)).toBeLessThan(fontWidth('WWWWWWWWWW', DIAGRAM_FONT.box) / 2)
    expect(fontWidth('Wrong phenomenon of interest (n = 4)', DIAGRAM_FONT.box)).toBeCloseTo(234, 0)
  })

  it('cuts a word wider than the line', () => {
    const pieces = wrapInFont('https://example.org/a-very-long-address', 80, DIAGRAM_FONT.box)
    expect(pieces.join('')).toBe('https://example.org/a-very-long-address')
    for (const piece of pieces) expect(fontWidth(piece, DIAGRAM_FONT.box)).toBeLessThanOrEqual(80)
  })
})
