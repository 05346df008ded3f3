/**
 * The owner's screening tools: the third reviewer who resolves conflicts, batches of records assigned
 * to reviewers, and the pilot round everyone screens first.
 */
import { and, asc, count, eq, inArray, lt, ne, notExists, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  memberships,
  pilotRecords,
  records,
  reviews,
  screeningAssignments,
  screeningVotes,
  type Review,
} from '../../db/schema.ts'
import { drawSample } from '../domain/random.ts'
import { roleAtLeast, type ScreeningStage } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { inStage } from './screening-stage.ts'

function assertReviewer(tx: Executor, reviewId: number, userId: number): void {
  const member = tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.reviewId, reviewId), eq(memberships.userId, userId)))
    .get()
  if (!member || !roleAtLeast(member.role, 'reviewer')) {
    throw new StoreConflictError('Choose a member of the review who screens (a reviewer or an owner).', 'userId')
  }
}

/** Names (or, with null, un-names) the reviewer who resolves conflicts besides the owners. */
export function setThirdReviewer(db: Executor, reviewId: number, userId: number | null, actorId: number): void {
  db.transaction((tx) => {
    if (userId !== null) assertReviewer(tx, reviewId, userId)
    const before = tx.select({ id: reviews.thirdReviewerId }).from(reviews).where(eq(reviews.id, reviewId)).get()
    tx.update(reviews).set({ thirdReviewerId: userId }).where(eq(reviews.id, reviewId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'screening.third_reviewer_named',
      entityType: 'review',
      entityId: reviewId,
      before: { thirdReviewerId: before?.id ?? null },
      after: { thirdReviewerId: userId },
    })
  })
}

export interface BatchRequest {
  review: Review
  stage: ScreeningStage
  reviewerId: number
  size: number
  assignedBy: number
  at: Date
}

/**
 * Assigns the reviewer the next `size` records (in import order) that still need assignees: records
 * assigned to fewer reviewers than the review requires, and not to this reviewer already.
 */
export function assignBatch(db: Executor, request: BatchRequest): number {
  return db.transaction((tx) => {
    const { review, stage, reviewerId } = request
    assertReviewer(tx, review.id, reviewerId)
    const assignees = tx
      .select({ n: count() })
      .from(screeningAssignments)
      .where(and(eq(screeningAssignments.recordId, records.id), eq(screeningAssignments.stage, stage)))
    const mine = tx
      .select({ one: sql`1` })
      .from(screeningAssignments)
      .where(
        and(
          eq(screeningAssignments.recordId, records.id),
          eq(screeningAssignments.stage, stage),
          eq(screeningAssignments.reviewerId, reviewerId),
        ),
      )
    const ids = tx
      .select({ id: records.id })
      .from(records)
      .where(and(inStage(tx, review.id, stage), notExists(mine), lt(sql`(${assignees})`, review.reviewersPerRecord)))
      .orderBy(asc(records.id))
      .limit(request.size)
      .all()
      .map((row) => row.id)
    if (ids.length === 0)
      throw new StoreConflictError('Every record of this stage already has the reviewers it needs.', 'size')
    tx.insert(screeningAssignments)
      .values(
        ids.map((recordId) => ({
          recordId,
          stage,
          reviewerId,
          reviewId: review.id,
          assignedBy: request.assignedBy,
          at: request.at,
        })),
      )
      .run()
    recordAuditEvent(tx, {
      reviewId: review.id,
      actorId: request.assignedBy,
      action: 'screening.batch_assigned',
      entityType: 'review',
      entityId: review.id,
      after: { stage, reviewerId, records: ids.length, firstRecord: ids[0], lastRecord: ids.at(-1) },
    })
    return ids.length
  })
}

/** How many records of the stage each reviewer has been assigned. */
export function assignmentCounts(db: Executor, reviewId: number, stage: ScreeningStage): Map<number, number> {
  const rows = db
    .select({ reviewerId: screeningAssignments.reviewerId, n: count() })
    .from(screeningAssignments)
    .where(and(eq(screeningAssignments.reviewId, reviewId), eq(screeningAssignments.stage, stage)))
    .groupBy(screeningAssignments.reviewerId)
    .all()
  return new Map(rows.map((row) => [row.reviewerId, row.n]))
}

/** Draws a random sample of title/abstract records for everyone to screen first, and starts the pilot. */
export function startPilot(
  db: Executor,
  request: { review: Review; size: number; seed: number; by: number },
): number[] {
  return db.transaction((tx) => {
    const { review } = request
    if (review.pilotActive) throw new StoreConflictError('A pilot round is already running; end it first.', 'size')
    const candidates = tx
      .select({ id: records.id })
      .from(records)
      .where(inStage(tx, review.id, 'title_abstract'))
      .orderBy(asc(records.id))
      .all()
      .map((row) => row.id)
    if (candidates.length === 0)
      throw new StoreConflictError('There are no records to screen yet: import some first.', 'size')
    const sample = drawSample(candidates, request.size, request.seed)
    tx.delete(pilotRecords).where(eq(pilotRecords.reviewId, review.id)).run()
    for (let i = 0; i < sample.length; i += 500) {
      tx.insert(pilotRecords)
        .values(sample.slice(i, i + 500).map((recordId) => ({ reviewId: review.id, recordId })))
        .run()
    }
    tx.update(reviews).set({ pilotActive: true }).where(eq(reviews.id, review.id)).run()
    recordAuditEvent(tx, {
      reviewId: review.id,
      actorId: request.by,
      action: 'screening.pilot_started',
      entityType: 'review',
      entityId: review.id,
      after: { size: sample.length, seed: request.seed },
    })
    return sample
  })
}

/** Ends the pilot round: full screening starts; the pilot's votes stay and count. */
export function endPilot(db: Executor, review: Review, by: number): void {
  db.transaction((tx) => {
    if (!review.pilotActive) throw new StoreConflictError('No pilot round is running.')
    tx.update(reviews).set({ pilotActive: false }).where(eq(reviews.id, review.id)).run()
    recordAuditEvent(tx, {
      reviewId: review.id,
      actorId: by,
      action: 'screening.pilot_ended',
      entityType: 'review',
      entityId: review.id,
    })
  })
}

/** The pilot sample's record ids (the latest pilot's, once it has ended). */
export function pilotRecordIds(db: Executor, reviewId: number): number[] {
  return db
    .select({ id: pilotRecords.recordId })
    .from(pilotRecords)
    .where(eq(pilotRecords.reviewId, reviewId))
    .all()
    .map((row) => row.id)
}

/** How many pilot records each screener has voted on at title/abstract. */
export function pilotVotesBy(
  db: Executor,
  reviewId: number,
  screeners: readonly { userId: number; name: string }[],
): { name: string; screened: number }[] {
  const rows = db
    .select({ reviewerId: screeningVotes.reviewerId, n: count() })
    .from(screeningVotes)
    .where(
      and(
        eq(screeningVotes.stage, 'title_abstract'),
        ne(screeningVotes.verdict, 'withdrawn'),
        inArray(
          screeningVotes.recordId,
          db.select({ id: pilotRecords.recordId }).from(pilotRecords).where(eq(pilotRecords.reviewId, reviewId)),
        ),
      ),
    )
    .groupBy(screeningVotes.reviewerId)
    .all()
  const byReviewer = new Map(rows.map((row) => [row.reviewerId, row.n]))
  return screeners.map((member) => ({ name: member.name, screened: byReviewer.get(member.userId) ?? 0 }))
}
