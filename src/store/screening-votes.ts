/**
 * Casting, changing and withdrawing screening votes. Each is one transaction that appends to the
 * decision history, updates the vote that counts, recomputes the record's outcome at the stage and
 * writes the audit event, so a vote is never half-stored and two reviewers voting at once never lose one.
 */
import { and, desc, eq, ne } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  exclusionReasons,
  records,
  reports,
  reviews,
  screeningDecisions,
  screeningVotes,
  type Review,
} from '../../db/schema.ts'
import { voteRefusal, type CurrentVote } from '../domain/screening/rules.ts'
import type { ScreeningStage, ScreeningVerdict } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { recordInStage } from './screening-stage.ts'
import { loadStageState, saveOutcome, type StageState } from './screening-state.ts'

export interface VoteInput {
  reviewId: number
  recordId: number
  stage: ScreeningStage
  reviewerId: number
  verdict: ScreeningVerdict
  reasonId: number | null
  note: string
  /** How the vote arrived: 'web', 'keyboard' or 'import'. */
  via: string
  at: Date
}

export interface VoteResult {
  decisionId: number | null
  state: StageState
  /** False when the vote repeated the reviewer's current one: nothing was stored twice. */
  changed: boolean
}

/** Stores a reviewer's vote (or their changed vote) and returns where the record now stands. */
export function castVote(db: Executor, input: VoteInput): VoteResult {
  return db.transaction((tx) => {
    const review = reviewOf(tx, input.reviewId)
    assertVotable(tx, review, input)
    const before = loadStageState(tx, review, input.recordId, input.stage)
    const mine = before.votes.find((vote) => vote.reviewerId === input.reviewerId)
    if (mine && sameVote(mine, input, before.notes.get(input.reviewerId) ?? '')) {
      return { decisionId: null, state: before, changed: false }
    }
    refuseUnlessMayVote(tx, review, before, input)
    const decisionId = appendDecision(tx, input, input.verdict)
    const vote = { verdict: input.verdict, reasonId: input.reasonId, note: input.note, at: input.at, decisionId }
    tx.insert(screeningVotes)
      .values({
        recordId: input.recordId,
        stage: input.stage,
        reviewerId: input.reviewerId,
        reviewId: input.reviewId,
        ...vote,
      })
      .onConflictDoUpdate({
        target: [screeningVotes.recordId, screeningVotes.stage, screeningVotes.reviewerId],
        set: vote,
      })
      .run()
    const after = saveOutcome(tx, review, input.recordId, input.stage, { at: input.at, actorId: input.reviewerId })
    recordAuditEvent(tx, {
      reviewId: input.reviewId,
      actorId: input.reviewerId,
      action: mine ? 'screening.vote_changed' : 'screening.voted',
      entityType: 'record',
      entityId: input.recordId,
      before: mine ? { stage: input.stage, verdict: mine.verdict, reasonId: mine.reasonId } : null,
      after: { stage: input.stage, verdict: input.verdict, reasonId: input.reasonId, outcome: after.outcome.outcome },
    })
    return { decisionId, state: after, changed: true }
  })
}

/** Undo: withdraws the reviewer's current vote on the record (history keeps it, marked withdrawn). */
export function withdrawVote(
  db: Executor,
  input: Pick<VoteInput, 'reviewId' | 'recordId' | 'stage' | 'reviewerId' | 'at'>,
): StageState {
  return db.transaction((tx) => {
    const review = reviewOf(tx, input.reviewId)
    const before = loadStageState(tx, review, input.recordId, input.stage)
    const mine = before.votes.find((vote) => vote.reviewerId === input.reviewerId)
    if (!mine) throw new StoreConflictError('There is no vote of yours on this record to undo.')
    refuseUnlessMayVote(tx, review, before, input)
    appendDecision(tx, { ...input, reasonId: null, note: '', via: 'undo' }, 'withdrawn')
    tx.delete(screeningVotes)
      .where(
        and(
          eq(screeningVotes.recordId, input.recordId),
          eq(screeningVotes.stage, input.stage),
          eq(screeningVotes.reviewerId, input.reviewerId),
        ),
      )
      .run()
    const after = saveOutcome(tx, review, input.recordId, input.stage, { at: input.at, actorId: input.reviewerId })
    recordAuditEvent(tx, {
      reviewId: input.reviewId,
      actorId: input.reviewerId,
      action: 'screening.vote_withdrawn',
      entityType: 'record',
      entityId: input.recordId,
      before: { stage: input.stage, verdict: mine.verdict, reasonId: mine.reasonId },
      after: { stage: input.stage, outcome: after.outcome.outcome },
    })
    return after
  })
}

/** The record of the reviewer's latest vote at a stage that still counts: what "undo" takes back. */
export function lastVotedRecord(
  db: Executor,
  reviewId: number,
  stage: ScreeningStage,
  reviewerId: number,
): number | null {
  const latest = db
    .select({ recordId: screeningVotes.recordId })
    .from(screeningVotes)
    .where(
      and(
        eq(screeningVotes.reviewId, reviewId),
        eq(screeningVotes.stage, stage),
        eq(screeningVotes.reviewerId, reviewerId),
      ),
    )
    .orderBy(desc(screeningVotes.decisionId))
    .limit(1)
    .get()
  return latest?.recordId ?? null
}

function reviewOf(tx: Executor, reviewId: number): Review {
  const review = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get()
  if (!review) throw new StoreNotFoundError('This review no longer exists.')
  return review
}

function assertVotable(tx: Executor, review: Review, input: VoteInput): void {
  const record = tx
    .select({ reviewId: records.reviewId, duplicateOf: records.duplicateOf })
    .from(records)
    .where(eq(records.id, input.recordId))
    .get()
  if (!record || record.reviewId !== review.id)
    throw new StoreNotFoundError(`Record ${input.recordId} is not in this review.`)
  if (record.duplicateOf !== null) {
    throw new StoreConflictError(
      `Record ${input.recordId} is a duplicate of record ${record.duplicateOf}; screen that one instead.`,
    )
  }
  if (!recordInStage(tx, input.recordId, review.id, input.stage)) {
    throw new StoreConflictError(
      input.stage === 'full_text'
        ? `Record ${input.recordId} is not a retrieved report, so it cannot be screened at full text.`
        : `Record ${input.recordId} comes from an "other methods" source and goes straight to retrieval, not title/abstract screening.`,
    )
  }
  assertExclusionReason(tx, review.id, input)
}

/** A full-text exclusion needs one of the review's reasons; nothing else takes a reason. */
export function assertExclusionReason(
  tx: Executor,
  reviewId: number,
  input: { stage: ScreeningStage; verdict: ScreeningVerdict; reasonId: number | null },
): void {
  if (input.stage === 'title_abstract' || input.verdict !== 'exclude') {
    if (input.reasonId !== null)
      throw new StoreConflictError('An exclusion reason goes only with a full-text exclusion.', 'reasonId')
    return
  }
  if (input.reasonId === null) throw new StoreConflictError('Choose the reason for excluding this report.', 'reasonId')
  const reason = tx
    .select({ id: exclusionReasons.id })
    .from(exclusionReasons)
    .where(and(eq(exclusionReasons.id, input.reasonId), eq(exclusionReasons.reviewId, reviewId)))
    .get()
  if (!reason) throw new StoreConflictError('That exclusion reason is not one of this review’s.', 'reasonId')
}

function refuseUnlessMayVote(
  tx: Executor,
  review: Review,
  state: StageState,
  input: Pick<VoteInput, 'recordId' | 'stage' | 'reviewerId'>,
): void {
  const refusal = voteRefusal({
    reviewerId: input.reviewerId,
    outcome: state.outcome,
    votes: state.votes,
    rules: review,
    openToEveryone: review.pilotActive && state.inPilot,
  })
  if (refusal) throw new StoreConflictError(refusal)
  if (
    input.stage === 'title_abstract' &&
    state.outcome.outcome === 'included' &&
    fullTextWorkBegun(tx, input.recordId)
  ) {
    throw new StoreConflictError(
      'Retrieval or full-text screening has begun for this record, so its title/abstract vote can no longer change.',
    )
  }
}

/** Once a report is being retrieved or screened, its title/abstract verdict is what that work rests on. */
export function fullTextWorkBegun(tx: Executor, recordId: number): boolean {
  const report = tx
    .select({ id: reports.recordId })
    .from(reports)
    .where(and(eq(reports.recordId, recordId), ne(reports.retrieval, 'awaiting')))
    .get()
  return report !== undefined
}

function appendDecision(
  tx: Executor,
  input: Pick<VoteInput, 'reviewId' | 'recordId' | 'stage' | 'reviewerId' | 'reasonId' | 'note' | 'via' | 'at'>,
  verdict: ScreeningVerdict | 'withdrawn',
): number {
  return tx
    .insert(screeningDecisions)
    .values({ ...input, verdict })
    .returning({ id: screeningDecisions.id })
    .get().id
}

function sameVote(current: CurrentVote, input: VoteInput, currentNote: string): boolean {
  return current.verdict === input.verdict && current.reasonId === input.reasonId && currentNote === input.note
}
