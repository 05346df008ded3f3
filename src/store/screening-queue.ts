/**
 * What a reviewer screens next, and moving through a stage's records. Every query walks the records
 * by id from a position (keyset), so the next record costs the same at the first record and the
 * hundred-thousandth.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, notExists, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  pilotRecords,
  records,
  screeningAssignments,
  screeningStatus,
  screeningVotes,
  type Review,
} from '../../db/schema.ts'
import type { ScreeningStage } from '../domain/vocabulary.ts'
import { inStage, voteOnRecord } from './screening-stage.ts'

export interface QueuePosition {
  review: Review
  stage: ScreeningStage
  reviewerId: number
  /** Continue after this record id (the one just screened); 0 starts at the beginning. */
  after: number
}

/**
 * The next record waiting for this reviewer's vote: not yet voted by them and still needing votes (or,
 * during a pilot, any pilot record they have not screened). Wraps round to the start once.
 */
export function nextRecordFor(db: Executor, position: QueuePosition): number | null {
  const waiting = waitingFor(db, position)
  const find = (from: number) =>
    db
      .select({ id: records.id })
      .from(records)
      .leftJoin(
        screeningStatus,
        and(eq(screeningStatus.recordId, records.id), eq(screeningStatus.stage, position.stage)),
      )
      .where(and(waiting, gt(records.id, from)))
      .orderBy(asc(records.id))
      .limit(1)
      .get()?.id ?? null
  return find(position.after) ?? (position.after > 0 ? find(0) : null)
}

/** How many records wait for this reviewer's vote. */
export function countWaitingFor(db: Executor, position: Omit<QueuePosition, 'after'>): number {
  return (
    db
      .select({ n: count() })
      .from(records)
      .leftJoin(
        screeningStatus,
        and(eq(screeningStatus.recordId, records.id), eq(screeningStatus.stage, position.stage)),
      )
      .where(waitingFor(db, { ...position, after: 0 }))
      .get()?.n ?? 0
  )
}

/**
 * Which of `ids` wait for this reviewer's vote, in the order given: how a ranked queue (src/store/ranking-queue.ts)
 * finds its next record. One primary-key lookup per id.
 */
export function waitingAmong(db: Executor, position: Omit<QueuePosition, 'after'>, ids: readonly number[]): number[] {
  if (ids.length === 0) return []
  const waiting = new Set(
    db
      .select({ id: records.id })
      .from(records)
      .leftJoin(
        screeningStatus,
        and(eq(screeningStatus.recordId, records.id), eq(screeningStatus.stage, position.stage)),
      )
      .where(and(waitingFor(db, { ...position, after: 0 }), inArray(records.id, [...ids])))
      .all()
      .map((row) => row.id),
  )
  return ids.filter((id) => waiting.has(id))
}

/** Every record waiting for this reviewer's vote, by id: what a new ranking orders. */
export function waitingRecordIds(db: Executor, position: Omit<QueuePosition, 'after'>): number[] {
  return db
    .select({ id: records.id })
    .from(records)
    .leftJoin(screeningStatus, and(eq(screeningStatus.recordId, records.id), eq(screeningStatus.stage, position.stage)))
    .where(waitingFor(db, { ...position, after: 0 }))
    .orderBy(asc(records.id))
    .all()
    .map((row) => row.id)
}

function waitingFor(db: Executor, { review, stage, reviewerId }: QueuePosition): SQL {
  const notVotedByMe = notExists(voteOnRecord(db, stage, eq(screeningVotes.reviewerId, reviewerId)))
  const conditions = [inStage(db, review.id, stage), notVotedByMe]
  if (review.pilotActive && stage === 'title_abstract') {
    conditions.push(
      inArray(
        records.id,
        db.select({ id: pilotRecords.recordId }).from(pilotRecords).where(eq(pilotRecords.reviewId, review.id)),
      ),
    )
    return and(...conditions)!
  }
  const stillNeedsVotes = or(
    sql`${screeningStatus.recordId} is null`,
    and(eq(screeningStatus.outcome, 'pending'), lt(screeningStatus.votes, review.reviewersPerRecord)),
  )!
  conditions.push(stillNeedsVotes)
  if (review.screeningAllocation === 'assigned') {
    conditions.push(
      inArray(
        records.id,
        db
          .select({ id: screeningAssignments.recordId })
          .from(screeningAssignments)
          .where(
            and(
              eq(screeningAssignments.reviewId, review.id),
              eq(screeningAssignments.stage, stage),
              eq(screeningAssignments.reviewerId, reviewerId),
            ),
          ),
      ),
    )
  }
  return and(...conditions)!
}

/** The record before or after `from` among all of the stage's records (j / k in the screening page). */
export function neighbourRecord(
  db: Executor,
  reviewId: number,
  stage: ScreeningStage,
  from: number,
  direction: 'next' | 'previous',
): number | null {
  const step = direction === 'next' ? gt(records.id, from) : lt(records.id, from)
  return (
    db
      .select({ id: records.id })
      .from(records)
      .where(and(inStage(db, reviewId, stage), step))
      .orderBy(direction === 'next' ? asc(records.id) : desc(records.id))
      .limit(1)
      .get()?.id ?? null
  )
}
