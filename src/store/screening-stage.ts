/**
 * Which records a screening stage holds. Title/abstract: the unique records found in databases and
 * registers. Full text: the reports that were retrieved. Other-method records skip title/abstract
 * screening, as in PRISMA 2020's "other methods" column, and go straight to retrieval.
 */
import { and, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, reports, sources } from '../../db/schema.ts'
import { OTHER_METHOD_SOURCE_KINDS, type ScreeningStage } from '../domain/vocabulary.ts'

/** Ids of the review's sources whose records are screened at title/abstract. */
export function screenedSourceIds(db: Executor, reviewId: number): number[] {
  return db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.reviewId, reviewId), notInArray(sources.kind, [...OTHER_METHOD_SOURCE_KINDS])))
    .all()
    .map((row) => row.id)
}

/** A condition on `records` selecting the records of `stage` in the review. */
export function inStage(db: Executor, reviewId: number, stage: ScreeningStage): SQL {
  const unique = and(eq(records.reviewId, reviewId), isNull(records.duplicateOf))!
  if (stage === 'title_abstract') {
    const sourceIds = screenedSourceIds(db, reviewId)
    return and(unique, sourceIds.length === 0 ? sql`0` : inArray(records.sourceId, sourceIds))!
  }
  return and(
    unique,
    inArray(
      records.id,
      db
        .select({ id: reports.recordId })
        .from(reports)
        .where(and(eq(reports.reviewId, reviewId), eq(reports.retrieval, 'retrieved'))),
    ),
  )!
}

/** Whether one record belongs to a stage (its review is checked by the caller). */
export function recordInStage(db: Executor, recordId: number, reviewId: number, stage: ScreeningStage): boolean {
  return (
    db
      .select({ id: records.id })
      .from(records)
      .where(and(eq(records.id, recordId), inStage(db, reviewId, stage)))
      .get() !== undefined
  )
}
