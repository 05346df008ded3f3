/**
 * What the exports read: records, included reports and studies as citable records, the screening history
 * and the search log. Read-only; which reports are "included" is stages.ts's, so an export lists exactly
 * the reports and studies the PRISMA diagram counts.
 */
import { aliasedTable, and, asc, count, eq, inArray, or, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  exclusionReasons,
  records,
  reports,
  screeningDecisions,
  screeningResolutions,
  screeningStatus,
  screeningVotes,
  sources,
  studies,
  users,
} from '../../db/schema.ts'
import { CITATION_FIELDS } from '../domain/formats/bibliographic-record.ts'
import type { CitableRecord } from '../domain/formats/record-to-csl.ts'
import type { DecisionHistoryRow } from '../domain/formats/write-decisions-csv.ts'
import type { SearchLogRow } from '../domain/formats/write-search-log.ts'
import { outcomesWithVisibleVotes, type VoteViewer } from '../domain/screening/blinding.ts'
import { SOURCE_KIND_LABELS, type ScreeningOutcome } from '../domain/vocabulary.ts'
import { columnsOf } from './columns.ts'
import { afterDeduplication, includedReportIds } from './stages.ts'

const citable = columnsOf(records, [
  'id',
  ...CITATION_FIELDS,
  'abstract',
  'keywords',
  'language',
  'url',
  'publicationType',
  'csl',
])

/** The review's unique records (duplicates removed), in import order: the library handed on after dedup. */
export function uniqueRecordsForCitation(db: Executor, reviewId: number): CitableRecord[] {
  return db.select(citable).from(records).where(afterDeduplication(reviewId)).orderBy(asc(records.id)).all()
}

export interface IncludedReport extends CitableRecord {
  studyId: number | null
  study: string | null
}

/** Included reports (stages.ts, as PRISMA counts them), grouped by study, with the study's name. */
export function includedReports(db: Executor, reviewId: number): IncludedReport[] {
  return db
    .select({ ...citable, studyId: reports.studyId, study: studies.label })
    .from(reports)
    .innerJoin(records, eq(records.id, reports.recordId))
    .leftJoin(studies, eq(studies.id, reports.studyId))
    .where(and(eq(reports.reviewId, reviewId), inArray(reports.recordId, includedReportIds(db, reviewId))))
    .orderBy(sql`${studies.label} is null`, asc(studies.label), asc(reports.studyId), asc(records.id))
    .all()
    .map((report) => (report.study === null ? report : { ...report, note: `Study: ${report.study}` }))
}

/** One reference per included study: its first included report, named for the study. */
export function includedStudies(db: Executor, reviewId: number): IncludedReport[] {
  const seen = new Set<number>()
  return includedReports(db, reviewId).filter((report) => {
    if (report.studyId === null || seen.has(report.studyId)) return false
    seen.add(report.studyId)
    return true
  })
}

/**
 * Every vote, withdrawal, resolution and reopening of the review, oldest first, as `viewer` may see them:
 * under blind screening another reviewer's votes on an undecided record are left out (blinding.ts).
 */
export function decisionHistory(db: Executor, reviewId: number, viewer: VoteViewer): DecisionHistoryRow[] {
  const status = aliasedTable(screeningStatus, 'status')
  const outcome = sql<ScreeningOutcome>`coalesce(${status.outcome}, 'pending')`
  const visible = or(
    viewer.id === null ? undefined : eq(screeningDecisions.reviewerId, viewer.id),
    inArray(outcome, [...outcomesWithVisibleVotes(viewer)]),
  )
  const votes = db
    .select({
      recordId: screeningDecisions.recordId,
      recordTitle: records.title,
      reviewerEmail: users.email,
      reviewerName: users.name,
      stage: screeningDecisions.stage,
      verdict: screeningDecisions.verdict,
      reason: exclusionReasons.label,
      note: screeningDecisions.note,
      via: screeningDecisions.via,
      at: screeningDecisions.at,
      current: sql<number>`${screeningVotes.decisionId} is not null`.mapWith(Boolean),
    })
    .from(screeningDecisions)
    .innerJoin(records, eq(records.id, screeningDecisions.recordId))
    .innerJoin(users, eq(users.id, screeningDecisions.reviewerId))
    .leftJoin(exclusionReasons, eq(exclusionReasons.id, screeningDecisions.reasonId))
    .leftJoin(screeningVotes, eq(screeningVotes.decisionId, screeningDecisions.id))
    .leftJoin(status, and(eq(status.recordId, screeningDecisions.recordId), eq(status.stage, screeningDecisions.stage)))
    .where(and(eq(screeningDecisions.reviewId, reviewId), visible))
    .orderBy(asc(screeningDecisions.id))
    .all()
    .map((row) => ({ ...row, kind: 'vote' as const }))
  const latest = db
    .select({ id: sql<number>`max(${screeningResolutions.id})` })
    .from(screeningResolutions)
    .where(eq(screeningResolutions.reviewId, reviewId))
    .groupBy(screeningResolutions.recordId, screeningResolutions.stage)
  const resolutions = db
    .select({
      recordId: screeningResolutions.recordId,
      recordTitle: records.title,
      reviewerEmail: users.email,
      reviewerName: users.name,
      stage: screeningResolutions.stage,
      kind: screeningResolutions.kind,
      verdict: screeningResolutions.verdict,
      reason: exclusionReasons.label,
      note: screeningResolutions.note,
      at: screeningResolutions.at,
      current: sql<number>`${screeningResolutions.id} in ${latest}`.mapWith(Boolean),
    })
    .from(screeningResolutions)
    .innerJoin(records, eq(records.id, screeningResolutions.recordId))
    .leftJoin(users, eq(users.id, screeningResolutions.resolvedBy))
    .leftJoin(exclusionReasons, eq(exclusionReasons.id, screeningResolutions.reasonId))
    .where(eq(screeningResolutions.reviewId, reviewId))
    .all()
    .map((row) => ({
      ...row,
      kind: row.kind === 'resolve' ? ('resolution' as const) : ('reopen' as const),
      via: 'web',
    }))
  return [...votes, ...resolutions].sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** The search log with the records each search brought in (duplicates included, PRISMA-S item 15). */
export function searchLogRows(db: Executor, reviewId: number): SearchLogRow[] {
  const found = new Map(
    db
      .select({ sourceId: records.sourceId, n: count() })
      .from(records)
      .where(eq(records.reviewId, reviewId))
      .groupBy(records.sourceId)
      .all()
      .map((row) => [row.sourceId, row.n]),
  )
  return db
    .select()
    .from(sources)
    .where(eq(sources.reviewId, reviewId))
    .orderBy(asc(sources.id))
    .all()
    .map((source) => ({
      name: source.name,
      kind: SOURCE_KIND_LABELS[source.kind],
      platform: source.platform,
      dateRun: source.dateRun,
      coverage: source.coverage,
      strategy: source.strategy,
      limits: source.limits,
      filters: source.filters,
      notes: source.notes,
      records: found.get(source.id) ?? 0,
    }))
}
