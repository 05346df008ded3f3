import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../../src/domain/prisma/counts.ts'
import type { PrismaFacts } from '../../../src/domain/prisma/facts.ts'
import { finishedReview, halfwayReview } from './worked-examples.ts'

const checkOf = (facts: PrismaFacts, id: string) =>
  prismaCounts(facts).consistency.checks.find((check) => check.id === id)

describe('PRISMA consistency', () => {
  it('checks every equation of METHOD.md §6.3 on a finished review and finds them all holding', () => {
    const { consistency } = prismaCounts(finishedReview('updated_databases_registers_other'))
    expect(consistency.checks.map((check) => check.equation)).toEqual([
      'identified_dbr = Σ database_results + Σ register_results',
      'records_screened = identified_dbr − duplicates − excluded_automatic − excluded_other',
      'dbr_sought_reports = records_screened − records_excluded',
      'dbr_assessed = dbr_sought_reports − dbr_notretrieved_reports',
      'dbr_included_reports = dbr_assessed − Σ dbr_excluded',
      'Σ dbr_excluded reasons = dbr_excluded',
      'other_identified = website_results + organisation_results + citations_results + other',
      'other_sought_reports = other_identified − already found via databases and registers',
      'other_assessed = other_sought_reports − other_notretrieved_reports',
      'other_included_reports = other_assessed − Σ other_excluded',
      'Σ other_excluded reasons = other_excluded',
      'new_reports = dbr_included_reports + other_included_reports',
      'new_studies ≤ new_reports',
      'total_studies = previous_studies + new_studies',
      'total_reports = previous_reports + new_reports',
    ])
    expect(consistency.checks.every((check) => check.status === 'holds')).toBe(true)
  })

  it('states open work in plain words instead of numbers that do not add up', () => {
    const { consistency, boxes } = prismaCounts(halfwayReview())
    expect(consistency.status).toBe('provisional')
    expect(consistency.problems).toEqual([])
    expect(consistency.pending.map((work) => [work.box, work.text])).toEqual([
      ['records_screened', '312 records not yet screened'],
      ['records_screened', '5 records awaiting a second reviewer'],
      ['records_screened', '4 conflicts open at title/abstract'],
      ['dbr_sought_reports', '7 reports awaiting retrieval'],
      ['dbr_assessed', '2 reports awaiting a full-text decision'],
      ['dbr_assessed', '1 conflict open at full text'],
      ['new_reports', '3 included reports not yet linked to a study'],
    ])
    // Boxes count what has happened: 520 + 20 + 39 screened, 15 + 12 assessed.
    expect(boxes).toMatchObject({
      records_screened: 579,
      records_excluded: 540,
      dbr_sought_reports: 39,
      dbr_assessed: 27,
    })
  })

  it('names the duplicate pairs still waiting for a reviewer: the duplicates box is not final until they are decided', () => {
    const { consistency } = prismaCounts({ ...halfwayReview(), duplicatePairsWaiting: 11 })
    expect(consistency.status).toBe('provisional')
    expect(consistency.pending[0]).toEqual({
      box: 'duplicates',
      count: 11,
      text: '11 possible duplicate pairs waiting for a reviewer',
    })
    const finished = prismaCounts({ ...finishedReview('new_databases_registers'), duplicatePairsWaiting: 1 })
    expect(finished.consistency.status).toBe('provisional')
    expect(finished.consistency.pending.map((work) => work.text)).toEqual([
      '1 possible duplicate pair waiting for a reviewer',
    ])
  })

  it('explains each gap by exactly the open work: 1,230 − 330 = 579 screened + 321 still open', () => {
    const check = checkOf(halfwayReview(), 'records_screened')
    expect(check).toEqual(expect.objectContaining({ actual: 579, expected: 900, pending: 321, status: 'pending' }))
    // 39 sought − 2 not retrieved = 37 = 27 assessed + 7 awaiting retrieval + 2 awaiting a decision + 1 conflict
    expect(checkOf(halfwayReview(), 'dbr_assessed')).toEqual(
      expect.objectContaining({ actual: 27, expected: 37, pending: 10, status: 'pending' }),
    )
  })

  it('uses the singular for one', () => {
    const facts = finishedReview('new_databases_registers')
    const { consistency } = prismaCounts({
      ...facts,
      titleAbstract: { ...facts.titleAbstract, excludedByHuman: 799, unscreened: 1 },
    })
    expect(consistency.pending.map((work) => work.text)).toEqual(['1 record not yet screened'])
  })

  it('groups thousands in the statements', () => {
    const facts = finishedReview('new_databases_registers')
    const big: PrismaFacts = {
      ...facts,
      sources: [{ name: 'MEDLINE', kind: 'database', identified: 100_330 }],
      titleAbstract: { ...facts.titleAbstract, excludedByHuman: 800, unscreened: 99_100 },
    }
    expect(prismaCounts(big).consistency.pending[0]?.text).toBe('99,100 records not yet screened')
  })

  it('names open work of the other-methods column as such', () => {
    const facts = finishedReview('new_databases_registers_other')
    const reports = { ...facts.otherMethods.reports, included: 5, awaitingRetrieval: 1 }
    const { consistency } = prismaCounts({
      ...facts,
      otherMethods: { ...facts.otherMethods, reports: { ...reports, included: 5, sought: 15, notRetrieved: 1 } },
      included: { ...facts.included, reports: 23, studies: 19 },
    })
    expect(consistency.status).toBe('provisional')
    expect(consistency.pending).toEqual([
      { box: 'other_sought_reports', count: 1, text: '1 report awaiting retrieval (other methods)' },
    ])
  })

  it('flags reports excluded without a reason as open work on the "Reports excluded" box', () => {
    const facts = finishedReview('new_databases_registers')
    const { consistency, dbrExcluded } = prismaCounts({
      ...facts,
      databaseReports: {
        ...facts.databaseReports,
        excluded: [...facts.databaseReports.excluded, { reasonId: null, count: 2 }],
        included: 16,
      },
      included: { studies: 14, reports: 16, reportsNotLinked: 0 },
    })
    expect(dbrExcluded.reasons.at(-1)).toEqual({ reasonId: null, reason: 'No reason recorded', n: 2 })
    expect(consistency.pending).toEqual([
      { box: 'dbr_excluded', count: 2, text: '2 reports excluded without a reason recorded' },
    ])
  })

  it('catches a count that drifted from the others, saying which and by how much', () => {
    const facts = finishedReview('new_databases_registers')
    // A record included at title/abstract whose report was never created: 61 included, 60 reports.
    const drifted = prismaCounts({
      ...facts,
      titleAbstract: { ...facts.titleAbstract, excludedByHuman: 799, included: 61 },
    })
    expect(drifted.consistency.status).toBe('inconsistent')
    expect(drifted.consistency.checks.find((check) => check.id === 'dbr_sought_reports')?.status).toBe('violated')
    expect(drifted.consistency.problems).toEqual([
      'Reports sought for retrieval, against records screened minus records excluded: 60 ≠ 61.',
    ])
  })

  it('catches more included studies than included reports', () => {
    const facts = finishedReview('new_databases_registers')
    const { consistency } = prismaCounts({ ...facts, included: { studies: 19, reports: 18, reportsNotLinked: 0 } })
    expect(consistency.status).toBe('inconsistent')
    expect(consistency.problems).toEqual([
      'Studies included (19) outnumber their reports (18): every study needs at least one included report.',
    ])
  })

  it('says when the template cannot show records found via other methods', () => {
    const { consistency } = prismaCounts({
      ...finishedReview('new_databases_registers_other'),
      template: 'new_databases_registers',
    })
    expect(consistency.status).toBe('inconsistent')
    expect(consistency.problems[0]).toBe(
      '45 records found via other methods (websites, organisations, citation searching, other) cannot be shown: ' +
        'the review’s PRISMA template has no other-methods column. Choose a template “with other sources”.',
    )
  })

  it('notes previous studies that a new-review template does not show', () => {
    const { consistency, boxes } = prismaCounts({
      ...finishedReview('new_databases_registers'),
      previous: { studies: 3, reports: 4 },
    })
    expect(boxes.previous_studies).toBe(0)
    expect(consistency.status).toBe('complete')
    expect(consistency.notes).toEqual([
      'Studies of a previous version are recorded but not shown: the template is for a new review.',
    ])
  })
})
