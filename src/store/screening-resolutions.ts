/**
 * Resolving conflicts and reopening decided records. Both append to screening_resolutions (the latest
 * counts), recompute the record's outcome and write the audit event in one transaction.
 */
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, reviews, screeningResolutions, screeningVotes, type Review } from '../../db/schema.ts'
import { isDecided } from '../domain/screening/rules.ts'
import type { ScreeningStage } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { latestDecisionId, loadStageState, saveOutcome, type StageState } from './screening-state.ts'
import { assertExclusionReason, fullTextWorkBegun } from './screening-votes.ts'

export interface ResolutionInput {
  reviewId: number
  recordId: number
  stage: ScreeningStage
  verdict: 'include' | 'exclude'
  reasonId: number | null
  note: string
  resolvedBy: number
  at: Date
}

/** The final verdict on a record in conflict (or reopened), set by an owner or the third reviewer. */
export function resolveConflict(db: Executor, input: ResolutionInput): StageState {
  return db.transaction((tx) => {
    const review = reviewWithRecord(tx, input.reviewId, input.recordId)
    const before = loadStageState(tx, review, input.recordId, input.stage)
    if (before.outcome.outcome !== 'conflict' && before.outcome.outcome !== 'reopened') {
      throw new StoreConflictError(
        'This record is not waiting for a resolution (someone may have resolved it already).',
      )
    }
    assertExclusionReason(tx, input.reviewId, input)
    tx.insert(screeningResolutions)
      .values({ ...input, kind: 'resolve', lastDecisionId: latestDecisionId(tx, input.recordId, input.stage) })
      .run()
    const after = saveOutcome(tx, review, input.recordId, input.stage, { at: input.at, actorId: input.resolvedBy })
    recordAuditEvent(tx, {
      reviewId: input.reviewId,
      actorId: input.resolvedBy,
      action: 'screening.resolved',
      entityType: 'record',
      entityId: input.recordId,
      before: { stage: input.stage, outcome: before.outcome.outcome },
      after: { stage: input.stage, verdict: input.verdict, reasonId: input.reasonId, note: input.note },
    })
    return after
  })
}

/** An owner sends a decided record back for a new verdict; its votes stay and may now change. */
export function reopenRecord(
  db: Executor,
  input: Pick<ResolutionInput, 'reviewId' | 'recordId' | 'stage' | 'note' | 'at'> & { reopenedBy: number },
): StageState {
  return db.transaction((tx) => {
    const review = reviewWithRecord(tx, input.reviewId, input.recordId)
    const before = loadStageState(tx, review, input.recordId, input.stage)
    if (!isDecided(before.outcome.outcome)) throw new StoreConflictError('Only a decided record can be reopened.')
    if (input.stage === 'title_abstract' && fullTextWorkBegun(tx, input.recordId)) {
      throw new StoreConflictError(
        'Retrieval or full-text screening has begun for this record; reopen it at full text instead.',
      )
    }
    if (input.stage === 'title_abstract' && hasFullTextVotes(tx, input.recordId)) {
      throw new StoreConflictError('This report has full-text votes; reopen it at full text instead.')
    }
    tx.insert(screeningResolutions)
      .values({
        reviewId: input.reviewId,
        recordId: input.recordId,
        stage: input.stage,
        kind: 'reopen',
        verdict: null,
        reasonId: null,
        note: input.note,
        resolvedBy: input.reopenedBy,
        lastDecisionId: latestDecisionId(tx, input.recordId, input.stage),
        at: input.at,
      })
      .run()
    const after = saveOutcome(tx, review, input.recordId, input.stage, { at: input.at, actorId: input.reopenedBy })
    recordAuditEvent(tx, {
      reviewId: input.reviewId,
      actorId: input.reopenedBy,
      action: 'screening.reopened',
      entityType: 'record',
      entityId: input.recordId,
      before: { stage: input.stage, outcome: before.outcome.outcome },
      after: { stage: input.stage, outcome: after.outcome.outcome, note: input.note },
    })
    return after
  })
}

function reviewWithRecord(tx: Executor, reviewId: number, recordId: number): Review {
  const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get()
  const record = tx.select({ reviewId: records.reviewId }).from(records).where(eq(records.id, recordId)).get()
  if (!review || record?.reviewId !== reviewId)
    throw new StoreNotFoundError(`Record ${recordId} is not in this review.`)
  return review
}

function hasFullTextVotes(tx: Executor, recordId: number): boolean {
  return (
    tx
      .select({ id: screeningVotes.recordId })
      .from(screeningVotes)
      .where(and(eq(screeningVotes.recordId, recordId), eq(screeningVotes.stage, 'full_text')))
      .get() !== undefined
  )
}
