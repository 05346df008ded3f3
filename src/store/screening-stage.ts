/**
 * Which records a screening stage holds (src/store/stages.ts defines each stage once). Title/abstract:
 * the unique records found in databases and registers. Full text: the reports sought and retrieved.
 * Other-method records skip title/abstract screening, as in PRISMA 2020's "other methods" column, and go
 * straight to retrieval.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, screeningVotes } from '../../db/schema.ts'
import type { ScreeningStage } from '../domain/vocabulary.ts'
import { retrievedRecord, retrievedReportIds, screenedAtTitleAbstract } from './stages.ts'

/** A condition on `records` selecting the records of `stage` in the review. */
export function inStage(db: Executor, reviewId: number, stage: ScreeningStage): SQL {
  if (stage === 'title_abstract') return screenedAtTitleAbstract(db, reviewId)
  return and(eq(records.reviewId, reviewId), inArray(records.id, retrievedReportIds(db, reviewId)))!
}

/** A condition on `records` selecting one record if it is in `stage` (cheaper than inStage for one record). */
export function recordOfStage(db: Executor, reviewId: number, stage: ScreeningStage, recordId: number): SQL {
  if (stage === 'title_abstract') return and(eq(records.id, recordId), screenedAtTitleAbstract(db, reviewId))!
  return retrievedRecord(db, reviewId, recordId)
}

/** Whether one record belongs to a stage (its review is checked by the caller). */
export function recordInStage(db: Executor, recordId: number, reviewId: number, stage: ScreeningStage): boolean {
  return (
    db
      .select({ id: records.id })
      .from(records)
      .where(recordOfStage(db, reviewId, stage, recordId))
      .get() !== undefined
  )
}

/** For exists / notExists: a vote at `stage` on the outer query's record that also meets `condition`. */
export function voteOnRecord(db: Executor, stage: ScreeningStage, condition: SQL | undefined) {
  return db
    .select({ one: sql`1` })
    .from(screeningVotes)
    .where(and(eq(screeningVotes.recordId, records.id), eq(screeningVotes.stage, stage), condition))
}
