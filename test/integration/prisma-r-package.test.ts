/**
 * The consumer, not ourselves: Weft's PRISMA CSV read by the PRISMA2020 R package's own PRISMA_data()
 * (v1.1.4, test/consumers/prisma2020), with every warning an error. Runs where Rscript and R's `scales`
 * are installed (Debian: r-base-core, r-cran-scales); the row list is checked on every run by
 * test/unit/prisma/exports.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { prismaCsv } from '../../src/domain/prisma/csv.ts'
import type { PrismaFacts } from '../../src/domain/prisma/facts.ts'
import { finishedReview } from '../unit/prisma/worked-examples.ts'

const READER = join(import.meta.dirname, '../consumers/prisma2020/read-weft-csv.R')
const HAVE_R = spawnSync('Rscript', ['-e', 'library(scales)'], { stdio: 'ignore' }).status === 0

/** What PRISMA_data() made of the file: name → value as the diagram would print it. */
function readWithPrisma2020(facts: PrismaFacts): Record<string, string> {
  const file = join(mkdtempSync(join(tmpdir(), 'weft-prisma-r-')), 'prisma.csv')
  writeFileSync(file, prismaCsv(prismaCounts(facts)))
  const out = execFileSync('Rscript', [READER, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return Object.fromEntries(
    out
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]),
  )
}

describe.skipIf(!HAVE_R)('the PRISMA2020 R package (v1.1.4) reads Weft’s CSV', () => {
  it('takes the whole file without a warning, the meta-analysis rows included', () => {
    const data = readWithPrisma2020(finishedReview('new_databases_registers_other'))
    expect(data).toMatchObject({
      database_results: '1,200',
      register_results: '30',
      duplicates: '310',
      records_screened: '900',
      dbr_sought_reports: '60',
      dbr_assessed: '56',
      new_studies: '20',
      new_reports: '24',
      total_studies_ma: '0',
      total_reports_ma: '0',
      database_specific_results: 'MEDLINE (n = 420) | Embase (n = 380) | CINAHL (n = 250) | PsycINFO (n = 150)',
      dbr_excluded:
        'Wrong publication type (not primary research: review / editorial / commentary) (n = 10) | ' +
        'Wrong study design (no qualitative data collection and analysis) (n = 20) | Wrong population (n = 8)',
      other_excluded: 'Wrong population (n = 2) | Wrong phenomenon of interest (n = 6)',
    })
  })

  it('draws every other-methods record above the reports sought from them', () => {
    const data = readWithPrisma2020(finishedReview('new_databases_registers_other'))
    // Websites 5 + citation searching 25 + Google Scholar alerts (kind "other") 15 = 45 identified, 15 sought.
    const identified = ['website_results', 'organisation_results', 'citations_results'].map((key) =>
      Number(data[key]?.replace(/,/g, '')),
    )
    expect(identified.reduce((a, b) => a + b, 0)).toBe(45)
    expect(data.website_results_text).toBe('Websites and other sources')
    expect(data.other_sought_reports).toBe('15')
  })

  it('reads a source named like a spreadsheet formula as plain text', () => {
    const facts = finishedReview('new_databases_registers_other')
    const data = readWithPrisma2020({
      ...facts,
      sources: [
        { name: '=HYPERLINK("http://x.test","MEDLINE")', kind: 'database', identified: 1200 },
        ...facts.sources.slice(4),
      ],
    })
    expect(data.database_specific_results).toBe('\'=HYPERLINK("http://x.test" / "MEDLINE") (n = 1,200)')
  })
})
