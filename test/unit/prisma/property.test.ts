import { describe, expect, it } from 'vitest'
import { prismaCounts } from '../../../src/domain/prisma/counts.ts'
import {
  emptyReportFacts,
  type PrismaFacts,
  type PrismaReasonFact,
  type ReportFacts,
} from '../../../src/domain/prisma/facts.ts'
import { PRISMA_TEMPLATES, type SourceKind } from '../../../src/domain/vocabulary.ts'
import { seededRandom } from '../../support/seeded-random.ts'

/**
 * Random decision histories: records imported from random sources (with works found more than once), dedup,
 * removal, title/abstract verdicts, retrieval, full-text decisions under random reasons, study links. The
 * histories are then counted the way the store's GROUP BY queries count them, and PRISMA must find every
 * §6.3 equation holding (or held up only by the work still open).
 */
type Random = () => number

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1))

const TA_FINAL = ['excludedByHuman', 'excludedByHuman', 'excludedByHuman', 'excludedByAutomation', 'included'] as const
const TA_OPEN = ['unscreened', 'awaitingSecondReviewer', 'inConflict'] as const
const REPORT_FINAL = ['notRetrieved', 'excluded', 'excluded', 'included', 'included'] as const
const REPORT_OPEN = ['awaitingRetrieval', 'awaitingDecision', 'inConflict'] as const

interface Simulated {
  facts: PrismaFacts
  /** Counted straight from the history, for comparison with the boxes. */
  recordsWithFinalVerdict: number
  reportsWithFinalDecision: number
}

function simulateReview(random: Random, finished: boolean): Simulated {
  const template = pick(random, PRISMA_TEMPLATES)
  const withOther = template.endsWith('_other')
  const kinds: SourceKind[] = withOther
    ? ['database', 'database', 'register', 'website', 'organisation', 'citation', 'other']
    : ['database', 'database', 'register']
  const sources = Array.from({ length: between(random, 1, 7) }, (_, index) => ({
    name: `Source ${between(random, 1, 4)}`, // repeated names: re-run searches add up
    kind: pick(random, kinds),
    records: Array.from({ length: between(random, 0, 60) }, () => between(random, 1, 120)), // work ids
    index,
  }))
  const reasons: PrismaReasonFact[] = Array.from({ length: between(random, 1, 8) }, (_, index) => ({
    id: 100 + index,
    label: `Reason ${index}`,
    position: random(),
  }))
  const isDbr = (kind: SourceKind) => kind === 'database' || kind === 'register'

  // Dedup: one primary per work, a databases/registers copy when there is one.
  const records = sources.flatMap((source) => source.records.map((work) => ({ work, dbr: isDbr(source.kind) })))
  const primaryOf = new Map<number, number>()
  records.forEach((record, index) => {
    const current = primaryOf.get(record.work)
    if (current === undefined || (!(records[current]?.dbr ?? false) && record.dbr)) primaryOf.set(record.work, index)
  })

  const facts: PrismaFacts = {
    template,
    sources: sources.map((source) => ({ name: source.name, kind: source.kind, identified: source.records.length })),
    removedBeforeScreening: { duplicates: 0, automation: 0, other: 0 },
    titleAbstract: {
      excludedByHuman: 0,
      excludedByAutomation: 0,
      included: 0,
      unscreened: 0,
      awaitingSecondReviewer: 0,
      inConflict: 0,
    },
    databaseReports: emptyReportFacts(),
    otherMethods: { alreadyFound: 0, reports: emptyReportFacts() },
    included: { studies: 0, reports: 0, reportsNotLinked: 0 },
    previous: template.startsWith('updated')
      ? { studies: between(random, 0, 30), reports: between(random, 0, 40) }
      : { studies: 0, reports: 0 },
    reasons,
  }
  const excludedByReason = { dbr: new Map<number | null, number>(), other: new Map<number | null, number>() }
  let recordsWithFinalVerdict = 0
  let reportsWithFinalDecision = 0
  let studies = 0

  const decideReport = (reports: ReportFacts, column: 'dbr' | 'other') => {
    reports.sought += 1
    const state = finished || random() < 0.7 ? pick(random, REPORT_FINAL) : pick(random, REPORT_OPEN)
    if (state === 'excluded') {
      const reason = !finished && random() < 0.1 ? null : pick(random, reasons).id
      const counts = excludedByReason[column]
      counts.set(reason, (counts.get(reason) ?? 0) + 1)
      reportsWithFinalDecision += column === 'dbr' ? 1 : 0
    } else if (state === 'included') {
      reports.included += 1
      reportsWithFinalDecision += column === 'dbr' ? 1 : 0
      if (!finished && random() < 0.2) facts.included.reportsNotLinked += 1
      else {
        facts.included.reports += 1
        // A report starts a new study, or joins one already included.
        if (studies === 0 || random() < 0.7) studies += 1
      }
    } else reports[state] += 1
  }

  records.forEach((record, index) => {
    const primary = primaryOf.get(record.work) === index
    if (!record.dbr) {
      if (primary) decideReport(facts.otherMethods.reports, 'other')
      else facts.otherMethods.alreadyFound += 1
      return
    }
    if (!primary) return void (facts.removedBeforeScreening.duplicates += 1)
    const removal = random()
    if (removal < 0.05) return void (facts.removedBeforeScreening.automation += 1)
    if (removal < 0.08) return void (facts.removedBeforeScreening.other += 1)
    const state = finished || random() < 0.7 ? pick(random, TA_FINAL) : pick(random, TA_OPEN)
    facts.titleAbstract[state] += 1
    if (state === 'excludedByHuman' || state === 'excludedByAutomation' || state === 'included')
      recordsWithFinalVerdict += 1
    if (state === 'included') decideReport(facts.databaseReports, 'dbr')
  })
  facts.databaseReports.excluded = [...excludedByReason.dbr].map(([reasonId, count]) => ({ reasonId, count }))
  facts.otherMethods.reports.excluded = [...excludedByReason.other].map(([reasonId, count]) => ({ reasonId, count }))
  facts.included.studies = studies
  return { facts, recordsWithFinalVerdict, reportsWithFinalDecision }
}

const TRIALS = 400

describe('PRISMA equations on random decision histories', () => {
  it('holds every equation of a finished review, and each reason list sums to its total in the review’s order', () => {
    const random = seededRandom(2020)
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { facts, recordsWithFinalVerdict, reportsWithFinalDecision } = simulateReview(random, true)
      const counts = prismaCounts(facts)
      const context = `trial ${trial} (${facts.template})`
      expect(counts.consistency.problems, context).toEqual([])
      expect(counts.consistency.pending, context).toEqual([])
      expect(
        counts.consistency.checks.every((check) => check.status === 'holds'),
        context,
      ).toBe(true)
      expect(counts.boxes.records_screened, context).toBe(recordsWithFinalVerdict)
      expect(counts.boxes.dbr_assessed, context).toBe(reportsWithFinalDecision)
      for (const list of [counts.dbrExcluded, counts.otherExcluded]) {
        expect(
          list.reasons.reduce((sum, reason) => sum + reason.n, 0),
          context,
        ).toBe(list.total)
        const positions = list.reasons.map(
          (reason) => facts.reasons.find((r) => r.id === reason.reasonId)?.position ?? 0,
        )
        expect(positions, context).toEqual([...positions].sort((a, b) => a - b))
      }
    }
  })

  it('lets only open work stand between the two sides of an equation of an unfinished review', () => {
    const random = seededRandom(71)
    let provisional = 0
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const { facts } = simulateReview(random, false)
      const counts = prismaCounts(facts)
      const context = `trial ${trial} (${facts.template})`
      expect(counts.consistency.problems, context).toEqual([])
      for (const check of counts.consistency.checks) {
        expect(check.status === 'pending', `${context} ${check.id}`).toBe(check.pending > 0)
      }
      const open = counts.consistency.pending.reduce((sum, work) => sum + work.count, 0)
      expect(counts.consistency.status, context).toBe(open > 0 ? 'provisional' : 'complete')
      if (open > 0) provisional += 1
    }
    expect(provisional).toBeGreaterThan(TRIALS / 2)
  })

  it('finds the broken equation when any independently counted fact drifts by one', () => {
    const random = seededRandom(9)
    const drifts: [string, (facts: PrismaFacts) => PrismaFacts][] = [
      ['a source', (f) => ({ ...f, sources: [{ name: 'Extra', kind: 'database', identified: 1 }, ...f.sources] })],
      [
        'duplicates',
        (f) => ({
          ...f,
          removedBeforeScreening: { ...f.removedBeforeScreening, duplicates: f.removedBeforeScreening.duplicates + 1 },
        }),
      ],
      [
        'reports sought',
        (f) => ({ ...f, databaseReports: { ...f.databaseReports, sought: f.databaseReports.sought + 1 } }),
      ],
      ['linked reports', (f) => ({ ...f, included: { ...f.included, reports: f.included.reports + 1 } })],
    ]
    for (let trial = 0; trial < 100; trial += 1) {
      const { facts } = simulateReview(random, random() < 0.5)
      for (const [what, drift] of drifts) {
        expect(prismaCounts(drift(facts)).consistency.status, `trial ${trial}: ${what}`).toBe('inconsistent')
      }
    }
  })
})
