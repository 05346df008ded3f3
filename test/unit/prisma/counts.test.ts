import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../../src/domain/prisma/counts.ts'
import { emptyPrismaFacts } from '../../../src/domain/prisma/facts.ts'
import { PRISMA_TEMPLATES } from '../../../src/domain/vocabulary.ts'
import { finishedReview, REASONS, WRONG_POPULATION } from './worked-examples.ts'

// The arithmetic of each expected number is written out in worked-examples.ts.
const DBR_BOXES = {
  database_results: 1200,
  register_results: 30,
  duplicates: 310,
  excluded_automatic: 20,
  excluded_other: 0,
  records_screened: 900,
  records_excluded: 840,
  dbr_sought_reports: 60,
  dbr_notretrieved_reports: 4,
  dbr_assessed: 56,
}
const DBR_REASONS = [
  { reasonId: 11, reason: REASONS[0]?.label, n: 10 },
  { reasonId: 13, reason: REASONS[2]?.label, n: 20 },
  { reasonId: 14, reason: 'Wrong population', n: 8 },
]

describe('PRISMA counts of a finished review', () => {
  it('counts a new review of databases, registers and other sources box by box (template 2)', () => {
    const counts = prismaCounts(finishedReview('new_databases_registers_other'))
    expect(counts.boxes).toEqual({
      ...DBR_BOXES,
      previous_studies: 0,
      previous_reports: 0,
      website_results: 5,
      organisation_results: 0,
      citations_results: 25,
      other_sought_reports: 15,
      other_notretrieved_reports: 1,
      other_assessed: 14,
      new_studies: 20,
      new_reports: 24,
      total_studies: 20,
      total_reports: 24,
    })
    expect(counts.dbrExcluded).toEqual({ total: 38, reasons: DBR_REASONS })
    expect(counts.otherExcluded).toEqual({
      total: 8,
      reasons: [
        { reasonId: 14, reason: 'Wrong population', n: 2 },
        { reasonId: 15, reason: 'Wrong phenomenon of interest', n: 6 },
      ],
    })
    expect(counts.otherSources).toEqual([{ name: 'Google Scholar alerts', n: 15 }])
    expect(counts.otherResults).toBe(15)
    expect(counts.otherAlreadyFound).toBe(30)
    expect(counts.consistency.status).toBe('complete')
    expect(counts.consistency.notes).toEqual([
      '30 records identified via other methods were already found and not sought again (the template has no box for this).',
    ])
  })

  it('counts a new review of databases and registers only without an other-methods column (template 1)', () => {
    const counts = prismaCounts(finishedReview('new_databases_registers'))
    expect(counts.layout).toMatchObject({ previous: false, other: false })
    expect(counts.boxes).toMatchObject({
      ...DBR_BOXES,
      website_results: 0,
      citations_results: 0,
      other_sought_reports: 0,
      other_assessed: 0,
      // 18 reports from databases and registers, in 15 studies
      new_studies: 15,
      new_reports: 18,
      total_studies: 15,
    })
    expect(counts.otherExcluded).toEqual({ total: 0, reasons: [] })
    expect(counts.consistency.checks.map((check) => check.id)).not.toContain('other_sought_reports')
    expect(counts.consistency.status).toBe('complete')
  })

  it('adds the previous version to the new studies in an updated review (templates 3 and 4)', () => {
    const withOther = prismaCounts(finishedReview('updated_databases_registers_other'))
    // total_studies = 12 + 20 = 32; total_reports = 15 + 24 = 39
    expect(withOther.boxes).toMatchObject({
      previous_studies: 12,
      previous_reports: 15,
      total_studies: 32,
      total_reports: 39,
    })
    const databasesOnly = prismaCounts(finishedReview('updated_databases_registers'))
    // total_studies = 12 + 15 = 27; total_reports = 15 + 18 = 33
    expect(databasesOnly.boxes).toMatchObject({ total_studies: 27, total_reports: 33, other_sought_reports: 0 })
    for (const counts of [withOther, databasesOnly]) {
      expect(counts.consistency.checks.map((check) => check.id)).toEqual(
        expect.arrayContaining(['total_studies', 'total_reports']),
      )
      expect(counts.consistency.status).toBe('complete')
    }
  })

  it('words headings and included boxes with "new" only for updated reviews', () => {
    const wording = (template: (typeof PRISMA_TEMPLATES)[number]) =>
      prismaCounts(finishedReview(template)).layout.wording
    expect(wording('new_databases_registers_other')).toMatchObject({
      databasesHeader: 'Identification of studies via databases and registers',
      otherHeader: 'Identification of studies via other methods',
      includedStudies: 'Studies included in review',
      includedReports: 'Reports of included studies',
    })
    expect(wording('updated_databases_registers')).toMatchObject({
      databasesHeader: 'Identification of new studies via databases and registers',
      otherHeader: 'Identification of new studies via other methods',
      includedStudies: 'New studies included in review',
      includedReports: 'Reports of new included studies',
    })
  })

  it('lists per database in source order, adding up searches of the same database', () => {
    const facts = finishedReview('new_databases_registers')
    const counts = prismaCounts({
      ...facts,
      sources: [...facts.sources, { name: 'MEDLINE', kind: 'database', identified: 5 }],
      removedBeforeScreening: { ...facts.removedBeforeScreening, duplicates: 315 },
    })
    expect(counts.databases).toEqual([
      { name: 'MEDLINE', n: 425 },
      { name: 'Embase', n: 380 },
      { name: 'CINAHL', n: 250 },
      { name: 'PsycINFO', n: 150 },
    ])
    expect(counts.registers).toEqual([{ name: 'ClinicalTrials.gov', n: 30 }])
    expect(counts.consistency.status).toBe('complete')
  })

  it('orders reasons by the review’s positions, not by ids or by the order the store gave them', () => {
    const facts = finishedReview('new_databases_registers')
    const reversed = REASONS.map((reason) => ({ ...reason, position: 100 - reason.position }))
    const counts = prismaCounts({ ...facts, reasons: reversed })
    expect(counts.dbrExcluded.reasons.map((reason) => reason.reasonId)).toEqual([WRONG_POPULATION, 13, 11])
  })

  it('leaves unused reasons out of the list and still sums to the total', () => {
    const counts = prismaCounts(finishedReview('new_databases_registers'))
    expect(counts.dbrExcluded.reasons).toHaveLength(3)
    expect(counts.dbrExcluded.reasons.reduce((sum, reason) => sum + reason.n, 0)).toBe(counts.dbrExcluded.total)
  })

  it('keeps an exclusion under a reason that was since deleted, after the known reasons', () => {
    const facts = finishedReview('new_databases_registers')
    const counts = prismaCounts({
      ...facts,
      databaseReports: {
        ...facts.databaseReports,
        excluded: [...facts.databaseReports.excluded, { reasonId: 99, count: 2 }],
        included: 16,
      },
      included: { ...facts.included, reports: 16, studies: 14 },
    })
    expect(counts.dbrExcluded.total).toBe(40)
    expect(counts.dbrExcluded.reasons.at(-1)).toEqual({
      reasonId: 99,
      reason: "Reason #99 (no longer in the review's list)",
      n: 2,
    })
    expect(counts.consistency.status).toBe('complete')
  })

  it('counts an empty review as complete with every box at zero', () => {
    const counts = prismaCounts(emptyPrismaFacts('updated_databases_registers_other'))
    expect(Object.values(counts.boxes).every((value) => value === 0)).toBe(true)
    expect(counts.consistency).toMatchObject({ status: 'complete', pending: [], problems: [] })
  })

  it('refuses facts that are not whole non-negative counts, saying which', () => {
    const facts = finishedReview('new_databases_registers')
    expect(() => prismaCounts({ ...facts, titleAbstract: { ...facts.titleAbstract, unscreened: -1 } })).toThrow(
      'facts.titleAbstract.unscreened must be a whole number ≥ 0, got -1',
    )
    expect(() => prismaCounts({ ...facts, previous: { studies: 1.5, reports: 2 } })).toThrow('facts.previous.studies')
  })
})
