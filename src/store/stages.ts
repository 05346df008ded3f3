/**
 * The stages of a review's flow, each defined once. PRISMA facts, the dashboard, retrieval, full-text
 * screening, studies, appraisal, extraction, synthesis, exports and the decision import all join these
 * pieces, so no two pages can count a stage differently (a property test checks it on random histories).
 *
 * - records after deduplication: a review's records that are not duplicates of another;
 * - records screened at title/abstract: unique records (not duplicates) of database and register sources;
 * - report sought: a unique record included at title/abstract, or a unique record of an other-methods
 *   source (PRISMA 2020's other-methods column has no screening box);
 * - report retrieved: a report sought that is marked retrieved; what full-text screening assesses;
 * - included report: a retrieved report included at full text;
 * - included study: a study with at least one included report;
 * - study in synthesis: an included study not excluded after appraisal.
 *
 * Each piece is a subquery of ids (or a condition) read through indexes: no record row is read to decide.
 */
import { and, count, eq, gt, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { union, type SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'
import { appraisalExclusions, records, reports, screeningStatus, sources, studies } from '../../db/schema.ts'
import { OTHER_METHOD_SOURCE_KINDS, type ScreeningOutcome, type ScreeningStage } from '../domain/vocabulary.ts'

/** The review's other-methods sources (website, organisation, citation searching, other). */
export function otherMethodSourceIds(db: Executor, reviewId: number) {
  return db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.reviewId, reviewId), inArray(sources.kind, [...OTHER_METHOD_SOURCE_KINDS])))
}

/** Every duplicate of the review, from the covering index: the ids only serve to leave records out. */
function duplicateIds(db: Executor, reviewId: number) {
  return db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.reviewId, reviewId), isNotNull(records.duplicateOf)))
}

/** A condition on `records`: the review's records after deduplication. */
export function afterDeduplication(reviewId: number): SQL {
  return and(eq(records.reviewId, reviewId), isNull(records.duplicateOf))!
}

/** A condition on `records`: the records title/abstract screening holds. */
export function screenedAtTitleAbstract(db: Executor, reviewId: number): SQL {
  const screenedSources = db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.reviewId, reviewId), notInArray(sources.kind, [...OTHER_METHOD_SOURCE_KINDS])))
  return and(afterDeduplication(reviewId), inArray(records.sourceId, screenedSources))!
}

/** Unique records of other-methods sources: sought without screening. */
export function foundByOtherMethods(db: Executor, reviewId: number) {
  return db
    .select({ id: records.id })
    .from(records)
    .where(and(afterDeduplication(reviewId), inArray(records.sourceId, otherMethodSourceIds(db, reviewId))))
}

/** Records included at a stage, from the status index (duplicates found since are still in it). */
function includedAt(db: Executor, reviewId: number, stage: ScreeningStage, ...more: SQL[]) {
  return db
    .select({ id: screeningStatus.recordId })
    .from(screeningStatus)
    .where(
      and(
        eq(screeningStatus.reviewId, reviewId),
        eq(screeningStatus.stage, stage),
        eq(screeningStatus.outcome, 'included'),
        ...more,
      ),
    )
}

/** Reports sought for retrieval: record ids. */
export function soughtReportIds(db: Executor, reviewId: number) {
  return union(
    includedAt(db, reviewId, 'title_abstract', notInArray(screeningStatus.recordId, duplicateIds(db, reviewId))),
    foundByOtherMethods(db, reviewId),
  )
}

/**
 * The same definition as a condition on `records`, for queries that read the records anyway: the row says
 * whether it is a duplicate, so the set need not leave duplicates out itself.
 */
export function soughtRecords(db: Executor, reviewId: number): SQL {
  const candidates = union(includedAt(db, reviewId, 'title_abstract'), foundByOtherMethods(db, reviewId))
  return and(afterDeduplication(reviewId), sql`${records.id} in (${candidates})`)!
}

/**
 * The same definition probed for one record (a condition on `records`): cheaper than building the sets
 * when a page or an action concerns a single report.
 */
export function soughtRecord(db: Executor, reviewId: number, recordId: number): SQL {
  return and(
    eq(records.id, recordId),
    afterDeduplication(reviewId),
    or(
      inArray(records.sourceId, otherMethodSourceIds(db, reviewId)),
      inArray(records.id, includedAt(db, reviewId, 'title_abstract', eq(screeningStatus.recordId, recordId))),
    ),
  )!
}

/** One record as a report retrieved (a condition on `records`), probed like soughtRecord. */
export function retrievedRecord(db: Executor, reviewId: number, recordId: number): SQL {
  const retrieved = db
    .select({ id: reports.recordId })
    .from(reports)
    .where(and(eq(reports.recordId, recordId), eq(reports.retrieval, 'retrieved')))
  return and(soughtRecord(db, reviewId, recordId), inArray(records.id, retrieved))!
}

/** `column` (a record id) names a report sought in the review. */
export function isSought(db: Executor, reviewId: number, column: SQLiteColumn): SQL {
  return sql`${column} in (${soughtReportIds(db, reviewId)})`
}

/** Reports retrieved: sought and marked retrieved (full-text screening's reports). Record ids. */
export function retrievedReportIds(db: Executor, reviewId: number) {
  return db
    .select({ id: reports.recordId })
    .from(reports)
    .where(
      and(eq(reports.reviewId, reviewId), eq(reports.retrieval, 'retrieved'), isSought(db, reviewId, reports.recordId)),
    )
}

/** Included reports: retrieved and included at full text. Record ids. */
export function includedReportIds(db: Executor, reviewId: number) {
  return includedAt(db, reviewId, 'full_text', inArray(screeningStatus.recordId, retrievedReportIds(db, reviewId)))
}

/** Included studies: studies with at least one included report. Study ids. */
export function includedStudyIds(db: Executor, reviewId: number) {
  return db
    .selectDistinct({ id: reports.studyId })
    .from(reports)
    .where(
      and(
        eq(reports.reviewId, reviewId),
        isNotNull(reports.studyId),
        inArray(reports.recordId, includedReportIds(db, reviewId)),
      ),
    )
}

/** Studies in the synthesis: included studies not excluded after appraisal. Study ids. */
export function synthesisStudyIds(db: Executor, reviewId: number) {
  const excluded = db
    .select({ id: appraisalExclusions.studyId })
    .from(appraisalExclusions)
    .where(eq(appraisalExclusions.reviewId, reviewId))
  return db
    .select({ id: studies.id })
    .from(studies)
    .where(and(inArray(studies.id, includedStudyIds(db, reviewId)), notInArray(studies.id, excluded)))
}

export interface OutcomeCount {
  /** Records of the stage at this outcome. */
  records: number
  /** Of those, records with at least one current vote (counted for records still waiting: pending, reopened). */
  withVotes: number
}

/**
 * How many records of a stage stand at each outcome (a record with no status row is not counted: nobody
 * has voted on it). Title/abstract: the status rows are counted from their covering index, then those of
 * records outside the stage (duplicates found after screening, records found by other methods) are taken
 * off, found from the records' side so only they are looked up. Full text: the status rows of the
 * reports retrieved.
 */
export function outcomesInStage(
  db: Executor,
  reviewId: number,
  stage: ScreeningStage,
): Map<ScreeningOutcome, OutcomeCount> {
  const counts = new Map<ScreeningOutcome, OutcomeCount>()
  const add = (rows: { outcome: ScreeningOutcome; withVotes: number; n: number }[], sign: 1 | -1) => {
    for (const { outcome, withVotes, n } of rows) {
      const count = counts.get(outcome) ?? { records: 0, withVotes: 0 }
      count.records += sign * n
      if (withVotes) count.withVotes += sign * n
      counts.set(outcome, count)
    }
  }
  const columns = {
    outcome: screeningStatus.outcome,
    withVotes: sql<number>`${screeningStatus.votes} > 0`,
    n: count(),
  }
  const ofStage = and(eq(screeningStatus.reviewId, reviewId), eq(screeningStatus.stage, stage))
  if (stage === 'full_text') {
    add(
      db
        .select(columns)
        .from(screeningStatus)
        .where(and(ofStage, inArray(screeningStatus.recordId, retrievedReportIds(db, reviewId))))
        .groupBy(sql`1`, sql`2`)
        .all(),
      1,
    )
    return counts
  }
  // By outcome from the covering index alone; votes are read only for the few records still waiting.
  const byOutcome = { outcome: screeningStatus.outcome, withVotes: sql<number>`0`, n: count() }
  add(
    db
      .select(byOutcome)
      .from(screeningStatus)
      .where(ofStage)
      .groupBy(sql`1`)
      .all(),
    1,
  )
  const waiting = inArray(screeningStatus.outcome, ['pending', 'reopened'])
  for (const row of db
    .select(byOutcome)
    .from(screeningStatus)
    .where(and(ofStage, waiting, gt(screeningStatus.votes, 0)))
    .groupBy(sql`1`)
    .all()) {
    counts.get(row.outcome)!.withVotes += row.n
  }
  for (const outside of [isNotNull(records.duplicateOf), inArray(records.id, foundByOtherMethods(db, reviewId))]) {
    add(
      db
        .select(columns)
        .from(records)
        .innerJoin(screeningStatus, and(eq(screeningStatus.recordId, records.id), eq(screeningStatus.stage, stage)))
        .where(and(eq(records.reviewId, reviewId), outside))
        .groupBy(sql`1`, sql`2`)
        .all(),
      -1,
    )
  }
  return counts
}
