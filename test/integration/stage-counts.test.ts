/**
 * One definition per stage, checked on random review histories: whatever the team did (votes that agree
 * or not, resolutions, reports retrieved or not, full-text reasons, studies merged, a study excluded after
 * appraisal, records found to be duplicates after screening), every screen that counts a stage — the
 * screening pages, lists, dashboard, retrieval, studies, appraisal, synthesis, exports — counts what the
 * PRISMA diagram counts for it.
 */
import fc from 'fast-check'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../db/client.ts'
import { exclusionReasons, records, reviews } from '../../db/schema.ts'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { excludeStudyAfterAppraisal } from '../../src/store/appraisals-exclusion.ts'
import { reviewOverview } from '../../src/store/dashboard.ts'
import { StoreConflictError, StoreNotFoundError } from '../../src/store/errors.ts'
import { exportFile } from '../../src/store/exports-file.ts'
import {
  includedReports,
  includedStudies as exportedStudies,
  uniqueRecordsForCitation,
} from '../../src/store/exports.ts'
import { listIncludedStudies, listStudiesInSynthesis } from '../../src/store/included-studies.ts'
import { prismaFacts } from '../../src/store/prisma-facts.ts'
import { markNotRetrieved, markRetrieved, reportsSought, retrievalCounts } from '../../src/store/reports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { screeningProgress } from '../../src/store/screening-card.ts'
import { conflictQueue } from '../../src/store/screening-conflicts.ts'
import { personalTodo } from '../../src/store/review-progress.ts'
import { listStageRecords } from '../../src/store/screening-list.ts'
import { resolveConflict } from '../../src/store/screening-resolutions.ts'
import { castVote } from '../../src/store/screening-votes.ts'
import { includedCounts, includedStudies, mergeStudies } from '../../src/store/studies.ts'
import { loadSynthesisSnapshot } from '../../src/store/synthesis-snapshot.ts'
import { createUser } from '../../src/store/users.ts'
import type { ScreeningStage } from '../../src/domain/vocabulary.ts'
import { TEST_HASHER } from '../support/app.ts'
import { importCitations } from '../support/screening-state.ts'

/** What two reviewers (and a resolver) do with one record at one stage. */
const SCREENING_PATHS = [
  'untouched',
  'one vote',
  'both include',
  'both exclude',
  'both exclude, different reasons',
  'disagree',
  'disagree, resolved include',
  'disagree, resolved exclude',
  'maybe',
] as const
type ScreeningPath = (typeof SCREENING_PATHS)[number]

interface RecordPlan {
  /** 0 and 1: databases; 2: citation searching (other methods). */
  source: 0 | 1 | 2
  titleAbstract: ScreeningPath
  retrieval: 'awaiting' | 'retrieved' | 'not_retrieved'
  fullText: ScreeningPath
  /** Found to be a duplicate of the first record once everything else happened. */
  duplicateLater: boolean
}

interface History {
  records: RecordPlan[]
  /** Pairs of record positions whose studies are merged (when both are studies by then). */
  merges: [number, number][]
  /** Record positions whose study is excluded after appraisal. */
  exclusions: number[]
}

const history: fc.Arbitrary<History> = fc.record({
  records: fc.array(
    fc.record({
      source: fc.constantFrom(0 as const, 1 as const, 2 as const),
      titleAbstract: fc.constantFrom(...SCREENING_PATHS),
      retrieval: fc.constantFrom(
        'awaiting' as const,
        'retrieved' as const,
        'retrieved' as const,
        'not_retrieved' as const,
      ),
      fullText: fc.constantFrom(...SCREENING_PATHS),
      duplicateLater: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
    }),
    { minLength: 1, maxLength: 14 },
  ),
  merges: fc.array(fc.tuple(fc.nat(13), fc.nat(13)), { maxLength: 3 }),
  exclusions: fc.array(fc.nat(13), { maxLength: 2 }),
})

const SOURCES = [
  { name: 'MEDLINE', kind: 'database' },
  { name: 'CINAHL', kind: 'database' },
  { name: 'Reference lists', kind: 'citation' },
] as const

/** A refusal is what a real person would meet; the history goes on without that action. */
function attempt(action: () => unknown): void {
  try {
    action()
  } catch (error) {
    if (!(error instanceof StoreConflictError || error instanceof StoreNotFoundError)) throw error
  }
}

interface Team {
  db: Db
  reviewId: number
  a: number
  b: number
  owner: number
  reasons: number[]
}

function screen(team: Team, recordId: number, stage: ScreeningStage, path: ScreeningPath, at: Date): void {
  const { db, reviewId } = team
  const reason = (n: number) => (stage === 'full_text' ? team.reasons[n]! : null)
  const vote = (reviewerId: number, verdict: 'include' | 'exclude' | 'maybe', reasonN = 0) =>
    attempt(() =>
      castVote(db, {
        reviewId,
        recordId,
        stage,
        reviewerId,
        verdict,
        reasonId: verdict === 'exclude' ? reason(reasonN) : null,
        note: '',
        via: 'web',
        at,
      }),
    )
  const resolve = (verdict: 'include' | 'exclude') =>
    attempt(() =>
      resolveConflict(db, {
        reviewId,
        recordId,
        stage,
        verdict,
        reasonId: verdict === 'exclude' ? reason(2) : null,
        note: 'Discussed',
        resolvedBy: team.owner,
        at,
      }),
    )
  if (path === 'untouched') return
  if (path === 'one vote') return vote(team.a, 'include')
  if (path === 'both include') return [team.a, team.b].forEach((id) => vote(id, 'include'))
  if (path === 'both exclude') return [team.a, team.b].forEach((id) => vote(id, 'exclude'))
  if (path === 'both exclude, different reasons') return [team.a, team.b].forEach((id, n) => vote(id, 'exclude', n))
  if (path === 'maybe') return [team.a, team.b].forEach((id) => vote(id, 'maybe'))
  vote(team.a, 'include')
  vote(team.b, 'exclude')
  if (path === 'disagree, resolved include') resolve('include')
  if (path === 'disagree, resolved exclude') resolve('exclude')
}

async function playHistory(plan: History): Promise<Team> {
  const db = openDatabase(':memory:')
  const [owner, a, b] = await Promise.all(
    ['owner', 'alice', 'bob'].map((name) =>
      createUser(db, { email: `${name}@stages.org`, name, password: 'stage counts' }, null, { hasher: TEST_HASHER }),
    ),
  )
  const review = createReview(db, reviewInput.parse({ title: 'Stages', slug: 'stages', blindScreening: 'on' }), {
    ownerId: owner!.id,
    actorId: null,
  })
  const reasons = db
    .select({ id: exclusionReasons.id })
    .from(exclusionReasons)
    .where(eq(exclusionReasons.reviewId, review.id))
    .orderBy(exclusionReasons.position)
    .all()
    .map((row) => row.id)
  const team: Team = { db, reviewId: review.id, a: a!.id, b: b!.id, owner: owner!.id, reasons }
  const ids = plan.records.map((record, index) => {
    const [id] = importCitations(db, review.id, SOURCES[record.source], [
      { title: `Work ${index + 1} on link workers`, authors: [`Author${index}, A.`], year: 2000 + index },
    ])
    return id!
  })
  const at = new Date('2026-11-02T09:00:00Z')
  plan.records.forEach((record, index) => screen(team, ids[index]!, 'title_abstract', record.titleAbstract, at))
  plan.records.forEach((record, index) => {
    const change = { reviewId: review.id, recordId: ids[index]!, actorId: owner!.id, now: at }
    if (record.retrieval === 'retrieved') attempt(() => markRetrieved(db, change))
    if (record.retrieval === 'not_retrieved') attempt(() => markNotRetrieved(db, { ...change, note: 'No copy' }))
  })
  plan.records.forEach((record, index) => screen(team, ids[index]!, 'full_text', record.fullText, at))
  const studyOf = (position: number) =>
    listIncludedStudies(db, review.id).find((study) =>
      study.reports.some((report) => report.recordId === ids[position % ids.length]),
    )?.id
  for (const [into, from] of plan.merges) {
    const intoId = studyOf(into)
    const fromId = studyOf(from)
    if (intoId !== undefined && fromId !== undefined)
      attempt(() => mergeStudies(db, { reviewId: review.id, actorId: owner!.id, intoId, fromId }))
  }
  for (const position of plan.exclusions) {
    const studyId = studyOf(position)
    if (studyId !== undefined)
      attempt(() => excludeStudyAfterAppraisal(db, review.id, studyId, 'Too thin', owner!.id, at))
  }
  // Deduplication can find a duplicate after its record was screened (a late import, a pair decided late).
  plan.records.forEach((record, index) => {
    if (record.duplicateLater && index > 0)
      db.update(records).set({ duplicateOf: ids[0]! }).where(eq(records.id, ids[index]!)).run()
  })
  return team
}

function allPages<T>(page: (after: number) => { rows: T[]; next: number | null }): T[] {
  const rows: T[] = []
  for (let after = 0, guard = 0; guard < 100; guard += 1) {
    const result = page(after)
    rows.push(...result.rows)
    if (result.next === null) break
    after = result.next
  }
  return rows
}

/** Every screen's count of each stage next to PRISMA's count of the same stage. */
function countsOnEveryScreen(team: Team) {
  const { db, reviewId } = team
  const facts = prismaFacts(db, reviewId)
  const counts = prismaCounts(facts)
  const box = counts.boxes
  const ta = facts.titleAbstract
  const dbr = facts.databaseReports
  const other = facts.otherMethods.reports
  const viewer = { id: team.owner, blind: false, seesConflicts: true }
  const reviewRow = db.select().from(reviews).where(eq(reviews.id, reviewId)).get()!
  const toResolve = personalTodo(db, reviewRow, team.owner, 'owner')!.toResolve!
  const overview = reviewOverview(db, reviewId)
  const retrieval = retrievalCounts(db, reviewId)
  const progress = (stage: ScreeningStage) => screeningProgress(db, reviewId, stage, viewer)
  const listed = (stage: ScreeningStage) =>
    allPages((after) => {
      const page = listStageRecords(db, {
        review: reviewRow,
        stage,
        viewer,
        filters: { q: '', mine: '', others: '', conflicts: false, unscreened: false, sourceId: null, label: '' },
        after,
        limit: 5,
      })
      return { rows: page.rows, next: page.nextAfter }
    }).length
  const soughtListed = allPages((after) => {
    const page = reportsSought(db, reviewId, { afterId: after, limit: 5 })
    return { rows: page.reports, next: page.nextAfterId }
  }).length
  const recordsCsvRows =
    exportFile(db, reviewRow, { what: 'records', format: 'csv', style: 'apa' }, viewer).body.trim().split('\r\n')
      .length - 1
  const assessed = box.dbr_assessed + box.other_assessed
  return {
    prisma: {
      taRecords: box.records_screened + ta.unscreened + ta.awaitingSecondReviewer + ta.inConflict,
      taDecided: box.records_screened,
      taConflicts: ta.inConflict,
      taLeft: ta.unscreened + ta.awaitingSecondReviewer + ta.inConflict,
      sought: box.dbr_sought_reports + box.other_sought_reports,
      dbrSought: box.dbr_sought_reports,
      otherSought: box.other_sought_reports,
      notRetrieved: box.dbr_notretrieved_reports + box.other_notretrieved_reports,
      retrieved: assessed + dbr.awaitingDecision + other.awaitingDecision + dbr.inConflict + other.inConflict,
      assessed,
      ftConflicts: dbr.inConflict + other.inConflict,
      includedReports: counts.dbrIncludedReports + counts.otherIncludedReports,
      studies: box.new_studies,
      reportsOfStudies: box.new_reports,
      afterDeduplication:
        counts.boxes.database_results +
        counts.boxes.register_results -
        box.duplicates +
        counts.boxes.website_results +
        counts.boxes.organisation_results +
        counts.boxes.citations_results +
        counts.otherResults -
        counts.otherAlreadyFound,
    },
    screens: {
      taRecords: [progress('title_abstract').total, listed('title_abstract')],
      taDecided: [progress('title_abstract').decided, overview.stageCounts.screening],
      taConflicts: [
        progress('title_abstract').conflicts,
        conflictQueue(db, reviewRow, 'title_abstract', viewer, { after: 0, limit: 1000 }).total,
        toResolve.title_abstract,
      ],
      taLeft: [overview.recordsLeftToScreen],
      sought: [retrieval.sought, soughtListed, overview.stageCounts.retrieval],
      dbrSought: [retrieval.byColumn.databases_registers.sought],
      otherSought: [retrieval.byColumn.other_methods.sought],
      notRetrieved: [retrieval.notRetrieved],
      retrieved: [retrieval.retrieved, progress('full_text').total, listed('full_text')],
      assessed: [progress('full_text').decided, overview.stageCounts.eligibility],
      ftConflicts: [
        progress('full_text').conflicts,
        conflictQueue(db, reviewRow, 'full_text', viewer, { after: 0, limit: 1000 }).total,
        toResolve.full_text,
      ],
      includedReports: [includedReports(db, reviewId).length],
      studies: [
        includedCounts(db, reviewId).studies,
        includedStudies(db, reviewId).length,
        listIncludedStudies(db, reviewId).length,
        exportedStudies(db, reviewId).length,
        overview.stageCounts.included,
      ],
      reportsOfStudies: [includedCounts(db, reviewId).reports],
      afterDeduplication: [
        uniqueRecordsForCitation(db, reviewId).length,
        recordsCsvRows,
        overview.identificationSummary.recordsAfterDeduplication,
      ],
    },
    synthesis: {
      inSynthesis: listStudiesInSynthesis(db, reviewId).length,
      snapshot: loadSynthesisSnapshot(db, reviewId).studies.length,
      includedNotExcluded: listIncludedStudies(db, reviewId).filter((study) => study.exclusion === null).length,
    },
  }
}

describe('every screen counts a stage as PRISMA does', () => {
  it('on random review histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (plan) => {
        const team = await playHistory(plan)
        const { prisma, screens, synthesis } = countsOnEveryScreen(team)
        for (const [stage, counts] of Object.entries(screens)) {
          const expected = prisma[stage as keyof typeof prisma]
          for (const count of counts) expect(count, stage).toBe(expected)
        }
        expect(synthesis.snapshot).toBe(synthesis.inSynthesis)
        expect(synthesis.includedNotExcluded).toBe(synthesis.inSynthesis)
        team.db.$client.close()
      }),
      { numRuns: 60 },
    )
  })
})
