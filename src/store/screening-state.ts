/**
 * A record's state at a stage: its current votes, the latest resolution, and the outcome the rules
 * derive from them. saveOutcome writes that outcome to screening_status in the caller's transaction.
 */
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  pilotRecords,
  screeningDecisions,
  screeningResolutions,
  screeningStatus,
  screeningVotes,
  type Review,
} from '../../db/schema.ts'
import { ensureStudyForReport } from './studies.ts'
import { stageOutcome, type CurrentVote, type LatestResolution, type StageOutcome } from '../domain/screening/rules.ts'
import type { ScreeningStage, ScreeningVerdict } from '../domain/vocabulary.ts'

export interface StageState {
  votes: CurrentVote[]
  /** Each voter's note, by reviewer id. */
  notes: Map<number, string>
  resolution: (LatestResolution & { note: string; resolvedBy: number | null }) | null
  outcome: StageOutcome
  inPilot: boolean
}

export function loadStageState(db: Executor, review: Review, recordId: number, stage: ScreeningStage): StageState {
  const rows = db
    .select()
    .from(screeningVotes)
    .where(and(eq(screeningVotes.recordId, recordId), eq(screeningVotes.stage, stage)))
    .orderBy(asc(screeningVotes.decisionId))
    .all()
  const votes: CurrentVote[] = rows
    .filter((row) => row.verdict !== 'withdrawn')
    .map((row) => ({
      reviewerId: row.reviewerId,
      verdict: row.verdict as ScreeningVerdict,
      reasonId: row.reasonId,
      at: row.at,
    }))
  const notes = new Map(rows.map((row) => [row.reviewerId, row.note]))
  const latest = db
    .select()
    .from(screeningResolutions)
    .where(and(eq(screeningResolutions.recordId, recordId), eq(screeningResolutions.stage, stage)))
    .orderBy(desc(screeningResolutions.id))
    .limit(1)
    .get()
  const resolution = latest
    ? {
        kind: latest.kind,
        verdict: latest.verdict,
        reasonId: latest.reasonId,
        votesChangedSince: latestDecisionId(db, recordId, stage) > latest.lastDecisionId,
        note: latest.note,
        resolvedBy: latest.resolvedBy,
      }
    : null
  const inPilot =
    db
      .select({ id: pilotRecords.recordId })
      .from(pilotRecords)
      .where(and(eq(pilotRecords.reviewId, review.id), eq(pilotRecords.recordId, recordId)))
      .get() !== undefined
  return {
    votes,
    notes,
    resolution,
    outcome: stageOutcome(votes, resolution, review),
    inPilot,
  }
}

/** The id of the record's newest screening_decisions row at the stage (0 when nobody has voted). */
export function latestDecisionId(db: Executor, recordId: number, stage: ScreeningStage): number {
  return (
    db
      .select({ id: screeningDecisions.id })
      .from(screeningDecisions)
      .where(and(eq(screeningDecisions.recordId, recordId), eq(screeningDecisions.stage, stage)))
      .orderBy(desc(screeningDecisions.id))
      .limit(1)
      .get()?.id ?? 0
  )
}

/**
 * Recomputes and stores where the record stands; call it in the transaction that changed a vote or
 * resolution. A report included at full text joins a study (its own, by default) in the same transaction.
 */
export function saveOutcome(
  tx: Executor,
  review: Review,
  recordId: number,
  stage: ScreeningStage,
  change: { at: Date; actorId: number | null },
): StageState {
  const { at } = change
  const state = loadStageState(tx, review, recordId, stage)
  const status = {
    outcome: state.outcome.outcome,
    votes: state.votes.length,
    reasonId: state.outcome.reasonId,
    resolved: state.outcome.resolved,
    updatedAt: at,
  }
  tx.insert(screeningStatus)
    .values({ recordId, stage, reviewId: review.id, ...status })
    .onConflictDoUpdate({ target: [screeningStatus.recordId, screeningStatus.stage], set: status })
    .run()
  if (stage === 'full_text' && state.outcome.outcome === 'included')
    ensureStudyForReport(tx, recordId, { actorId: change.actorId, now: at })
  return state
}
