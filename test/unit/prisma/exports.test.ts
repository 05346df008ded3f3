import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../../src/domain/prisma/counts.ts'
import { CSV_COLUMNS, prismaCsv } from '../../../src/domain/prisma/csv.ts'
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

/** The `data` column of the app's template (inst/extdata/PRISMA.csv), row by row. */
const TEMPLATE_DATA_COLUMN = [
  'NA',
  'previous_studies',
  'previous_reports',
  'NA',
  'database_results',
  'database_specific_results',
  'register_results',
  'register_specific_results',
  'NA',
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
  'identification',
  'screening',
  'included',
]

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
    expect(json.database_specific_results).toEqual([
      { name: 'MEDLINE', n: 420 },
      { name: 'Embase', n: 380 },
      { name: 'CINAHL', n: 250 },
      { name: 'PsycINFO', n: 150 },
    ])
    expect(json.register_specific_results).toEqual([{ name: 'ClinicalTrials.gov', n: 30 }])
    expect(json).toMatchObject({ total_studies: 32, total_reports: 39, other_results: 15, status: 'complete' })
  })

  it('survives JSON.stringify and carries the open work in words', () => {
    const json = JSON.parse(JSON.stringify(prismaJson(prismaCounts(halfwayReview()))))
    expect(json.status).toBe('provisional')
    expect(json.pending).toContain('312 records not yet screened')
  })
})

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
