import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../../src/domain/prisma/counts.ts'
import { CSV_COLUMNS, prismaCsv } from '../../../src/domain/prisma/csv.ts'
import type { PrismaFacts } from '../../../src/domain/prisma/facts.ts'
import { prismaJson } from '../../../src/domain/prisma/json.ts'
import { finishedReview, halfwayReview } from './worked-examples.ts'

/** The field names of the PRISMA2020 R package / Shiny app (METHOD.md §6.2, issue 5). */
const R_FIELDS = [
  'database_results',
  'register_results',
  'website_results',
  'organisation_results',
  'citations_results',
  'duplicates',
  'excluded_automatic',
  'excluded_other',
  'records_screened',
  'records_excluded',
  'dbr_sought_reports',
  'dbr_notretrieved_reports',
  'other_sought_reports',
  'other_notretrieved_reports',
  'dbr_assessed',
  'dbr_excluded',
  'other_assessed',
  'other_excluded',
  'new_studies',
  'new_reports',
  'total_studies',
  'total_reports',
  'previous_studies',
  'previous_reports',
]

/**
 * The `data` column of the package's template (inst/extdata/PRISMA.csv of PRISMA2020 v1.1.4, copied into
 * test/consumers/prisma2020): PRISMA_data() looks each of these up, and stops when one is missing.
 */
const TEMPLATE = readFileSync(join(import.meta.dirname, '../../consumers/prisma2020/PRISMA.csv'), 'utf8')
const TEMPLATE_DATA_COLUMN = TEMPLATE.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.slice(0, line.indexOf(',')))

/** RFC 4180 reading, enough to prove the file splits into the template's 8 columns. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((field += '"'), (i += 1))
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') (row.push(field), (field = ''))
    else if (char === '\n') (row.push(field), rows.push(row), (row = []), (field = ''))
    else field += char
  }
  return rows
}

/** What the R package's PRISMA_parse_reasons_ makes of "Reason, n; Reason, n": split on ";", label up to ",". */
function parseReasonsLikeR(value: string): { reason: string; n: number }[] {
  return value.split(/; ?/).map((part) => ({
    reason: part.replace(/,.*$/, ''),
    n: Number(part.replace(/^.*?,([ 0-9,]*)$/, '$1').replace(/[^0-9.]/g, '')),
  }))
}

describe('PRISMA JSON export', () => {
  it('keys every number with the PRISMA2020 R package field names', () => {
    const counts = prismaCounts(finishedReview('updated_databases_registers_other'))
    const json = prismaJson(counts)
    for (const field of R_FIELDS) expect(json, field).toHaveProperty(field)
    for (const [field, value] of Object.entries(counts.boxes))
      expect(json[field as keyof typeof json], field).toBe(value)
    expect(json.dbr_excluded).toEqual([
      { reason: 'Wrong publication type (not primary research: review, editorial, commentary)', n: 10 },
      { reason: 'Wrong study design (no qualitative data collection and analysis)', n: 20 },
      { reason: 'Wrong population', n: 8 },
    ])
    expect(json.dbr_excluded_total).toBe(38)
    // PRISMA_data() makes these lists data frames with the columns reason and n, as it does the reasons.
    expect(json.database_specific_results).toEqual([
      { reason: 'MEDLINE', n: 420 },
      { reason: 'Embase', n: 380 },
      { reason: 'CINAHL', n: 250 },
      { reason: 'PsycINFO', n: 150 },
    ])
    expect(json.register_specific_results).toEqual([{ reason: 'ClinicalTrials.gov', n: 30 }])
    expect(json).toMatchObject({ total_studies_ma: 0, total_reports_ma: 0 })
    for (const field of [...R_FIELDS, 'total_studies_ma', 'total_reports_ma'].filter((f) => !f.endsWith('_excluded')))
      expect(typeof json[field as keyof typeof json], field).toBe('number')
    expect(json).toMatchObject({ total_studies: 32, total_reports: 39, other_results: 15, status: 'complete' })
  })

  it('survives JSON.stringify and carries the open work in words', () => {
    const json = JSON.parse(JSON.stringify(prismaJson(prismaCounts(halfwayReview()))))
    expect(json.status).toBe('provisional')
    expect(json.pending).toContain('312 records not yet screened')
  })
})

/** The finished review with websites as its only other method. */
function websitesOnly(): PrismaFacts {
  const facts = finishedReview('new_databases_registers_other')
  const sources = facts.sources.filter((source) => source.kind !== 'other' && source.kind !== 'citation')
  return { ...facts, sources, otherMethods: { ...facts.otherMethods, alreadyFound: 0 } }
}

describe('PRISMA CSV export for the PRISMA2020 Shiny app', () => {
  const csv = prismaCsv(prismaCounts(finishedReview('new_databases_registers_other')))
  const rows = readCsv(csv)
  const n = (data: string) => rows.find((row) => row[0] === data)?.[7]

  it('lays out the app’s template row for row and column for column', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(CSV_COLUMNS).toEqual(['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n'])
    expect(rows.slice(1).map((row) => row[0])).toEqual(TEMPLATE_DATA_COLUMN)
    expect(rows.every((row) => row.length === 8)).toBe(true)
    expect(rows.find((row) => row[0] === 'records_screened')).toEqual([
      'records_screened',
      'node9',
      'box4',
      'Records screened (databases and registers)',
      'Records screened',
      'Records screened (databases and registers)',
      'records_screened.html',
      '900',
    ])
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
  })

  it('puts our numbers in the n column', () => {
    expect([n('database_results'), n('register_results'), n('duplicates'), n('records_excluded')]).toEqual([
      '1200',
      '30',
      '310',
      '840',
    ])
    expect([n('other_sought_reports'), n('other_assessed'), n('new_studies'), n('new_reports')]).toEqual([
      '15',
      '14',
      '20',
      '24',
    ])
    expect(n('database_specific_results')).toBe('MEDLINE, 420; Embase, 380; CINAHL, 250; PsycINFO, 150')
  })

  it('writes reasons as "Reason, n; Reason, n" that the app reads back to our numbers', () => {
    const value = n('dbr_excluded') ?? ''
    expect(value).toBe(
      'Wrong publication type (not primary research: review / editorial / commentary), 10; ' +
        'Wrong study design (no qualitative data collection and analysis), 20; Wrong population, 8',
    )
    expect(parseReasonsLikeR(value)).toEqual([
      { reason: 'Wrong publication type (not primary research: review / editorial / commentary)', n: 10 },
      { reason: 'Wrong study design (no qualitative data collection and analysis)', n: 20 },
      { reason: 'Wrong population', n: 8 },
    ])
    expect(parseReasonsLikeR(n('other_excluded') ?? '')).toEqual([
      { reason: 'Wrong population', n: 2 },
      { reason: 'Wrong phenomenon of interest', n: 6 },
    ])
  })

  it('words the title and included boxes for the review’s template', () => {
    const boxtext = (text: string, data: string) => readCsv(text).find((row) => row[0] === data || row[2] === data)?.[4]
    expect(boxtext(csv, 'newstud')).toBe('Identification of studies via databases and registers')
    expect(boxtext(csv, 'new_studies')).toBe('Studies included in review')
    const updated = prismaCsv(prismaCounts(finishedReview('updated_databases_registers_other')))
    expect(boxtext(updated, 'newstud')).toBe('Identification of new studies via databases and registers')
    expect(boxtext(updated, 'othstud')).toBe('Identification of new studies via other methods')
    expect(boxtext(updated, 'new_reports')).toBe('Reports of new included studies')
    expect(readCsv(updated).find((row) => row[0] === 'total_studies')?.[7]).toBe('32')
  })

  it('writes "0" for an empty reason list, which the app reads as no reasons', () => {
    const empty = prismaCsv(prismaCounts(finishedReview('new_databases_registers')))
    expect(readCsv(empty).find((row) => row[0] === 'other_excluded')?.[7]).toBe('0')
  })

  it('has every row of the package’s template, the meta-analysis rows included (v1.1.4 stops without them)', () => {
    expect(TEMPLATE_DATA_COLUMN).toContain('total_studies_ma')
    expect(TEMPLATE_DATA_COLUMN).toContain('total_reports_ma')
    expect(rows.slice(1).map((row) => row[0])).toEqual(TEMPLATE_DATA_COLUMN)
    expect([n('total_studies_ma'), n('total_reports_ma')]).toEqual(['0', '0'])
  })

  it('counts every other-methods record in a row the package draws, so none vanish above "reports sought"', () => {
    // Websites 5, citation searching 25 and Google Scholar alerts (kind "other") 15: the package has rows for
    // websites, organisations and citation searching only, so "other" joins the websites row, renamed.
    expect([n('website_results'), n('organisation_results'), n('citations_results')]).toEqual(['20', '0', '25'])
    expect(rows.find((row) => row[0] === 'website_results')?.[4]).toBe('Websites and other sources')
    const withoutOther = readCsv(prismaCsv(prismaCounts(websitesOnly())))
    expect(withoutOther.find((row) => row[0] === 'website_results')?.slice(4)).toEqual([
      'Websites',
      'Records identified from: Websites, Organisations and Citation Searching',
      'website_results.html',
      '5',
    ])
  })

  it('keeps the package’s placeholder list for a review without registers', () => {
    const facts = finishedReview('new_databases_registers')
    const noRegisters = readCsv(prismaCsv(prismaCounts({ ...facts, sources: facts.sources.slice(0, 4) })))
    const row = (data: string) => noRegisters.find((r) => r[0] === data)
    expect(row('register_results')?.[7]).toBe('0')
    expect(row('register_specific_results')?.[7]).toBe('Register 1, xxx; Register 2, xxx; Register 3, xxx')
  })

  it('guards every cell against spreadsheet formulas, as every other CSV export does', () => {
    const facts = finishedReview('new_databases_registers_other')
    const hostile = prismaCsv(
      prismaCounts({
        ...facts,
        sources: [
          { name: '=HYPERLINK("http://x.test","MEDLINE")', kind: 'database', identified: 1200 },
          ...facts.sources.slice(4),
        ],
      }),
    )
    const cells = readCsv(hostile).flat()
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([])
    expect(readCsv(hostile).find((r) => r[0] === 'database_specific_results')?.[7]).toBe(
      '\'=HYPERLINK("http://x.test" / "MEDLINE"), 1200',
    )
  })

  it('quotes labels with quotes and commas so the row keeps 8 columns', () => {
    const facts = finishedReview('new_databases_registers')
    const tricky = prismaCsv(
      prismaCounts({
        ...facts,
        sources: [
          { name: 'Web of Science "Core", SSCI; AHCI', kind: 'database', identified: 1200 },
          ...facts.sources.slice(4),
        ],
      }),
    )
    const row = readCsv(tricky).find((r) => r[0] === 'database_specific_results')
    expect(row).toHaveLength(8)
    expect(row?.[7]).toBe('Web of Science "Core" / SSCI / AHCI, 1200')
  })
})
