/**
 * What the exports read: records, included reports and studies as citable records, the screening history
 * and the search log. Read-only; the rules for which reports are "included" are prisma-facts.ts's, so an
 * export lists exactly the reports and studies the PRISMA diagram counts.
 */
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  exclusionReasons,
  records,
  reports,
  screeningDecisions,
  screeningResolutions,
  screeningVotes,
  sources,
  studies,
  users,
} from '../../db/schema.ts'
import type { CitableRecord } from '../domain/formats/record-to-csl.ts'
import type { DecisionHistoryRow } from '../domain/formats/write-decisions-csv.ts'
import type { SearchLogRow } from '../domain/formats/write-search-log.ts'
import { SOURCE_KIND_LABELS } from '../domain/vocabulary.ts'
import { columnsOf } from './columns.ts'
import { fullText, otherMethodSources, soughtReports, titleAbstract } from './prisma-facts.ts'

const citable = columnsOf(records, [
  'id',
  'title',
  'abstract',
  'authors',
  'year',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
  'keywords',
  'language',
  'url',
  'publicationType',
  'csl',
])

/** The review's unique records (duplicates removed), in import order: the library handed on after dedup. */
export function uniqueRecordsForCitation(db: Executor, reviewId: number): CitableRecord[] {
  return db
    .select(citable)
    .from(records)
    .where(and(eq(records.reviewId, reviewId), isNull(records.duplicateOf)))
    .orderBy(asc(records.id))
    .all()
}

export interface IncludedReport extends CitableRecord {
  studyId: number | null
  study: string | null
}

/** Reports included at full text (as PRISMA counts them), grouped by study, with the study's name. */
export function includedReports(db: Executor, reviewId: number): IncludedReport[] {
  const otherIds = otherMethodSources(
    db.select({ id: sources.id, kind: sources.kind }).from(sources).where(eq(sources.reviewId, reviewId)).all(),
  )
  return db
    .select({ ...citable, studyId: reports.studyId, study: studies.label })
    .from(reports)
    .innerJoin(records, eq(records.id, reports.recordId))
    .leftJoin(
      titleAbstract,
      and(eq(titleAbstract.recordId, reports.recordId), eq(titleAbstract.stage, 'title_abstract')),
    )
    .innerJoin(fullText, and(eq(fullText.recordId, reports.recordId), eq(fullText.stage, 'full_text')))
    .leftJoin(studies, eq(studies.id, reports.studyId))
    .where(
      and(
        eq(reports.reviewId, reviewId),
        eq(reports.retrieval, 'retrieved'),
        eq(fullText.outcome, 'included'),
        soughtReports(db, reviewId, otherIds),
      ),
    )
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

/** Every vote, withdrawal, resolution and reopening of the review, oldest first. */
export function decisionHistory(db: Executor, reviewId: number): DecisionHistoryRow[] {
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
    .where(eq(screeningDecisions.reviewId, reviewId))
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
