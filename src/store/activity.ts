/**
 * The Activity page's events as one member may read them: votes on records still undecided are shown
 * as blind screening allows (src/domain/screening/blinding.ts), everything else as recorded.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { screeningStatus } from '../../db/schema.ts'
import { VOTE_EVENT_ACTIONS, voteEventAsSeen, type VoteViewer } from '../domain/screening/blinding.ts'
import type { ScreeningOutcome } from '../domain/vocabulary.ts'
import { listAuditEvents, type AuditEventWithActor } from './audit.ts'

export function activitySeenBy(
  db: Executor,
  reviewId: number,
  viewer: VoteViewer,
  page: { beforeId?: number | undefined; limit: number },
): AuditEventWithActor[] {
  const events = listAuditEvents(db, reviewId, page)
  const votes = events.filter((event) => VOTE_EVENT_ACTIONS.includes(event.action))
  if (votes.length === 0) return events
  const outcomes = currentOutcomes(
    db,
    reviewId,
    votes.map((event) => Number(event.entityId)),
  )
  return events.map((event) => {
    if (!VOTE_EVENT_ACTIONS.includes(event.action)) return event
    const stage = event.after?.stage ?? event.before?.stage
    const outcome = outcomes.get(`${event.entityId}:${String(stage)}`) ?? 'pending'
    return voteEventAsSeen(event, viewer, outcome)
  })
}

/** Where each record stands now at each stage, keyed "recordId:stage"; a record with no row is pending. */
function currentOutcomes(db: Executor, reviewId: number, recordIds: number[]): Map<string, ScreeningOutcome> {
  const rows = db
    .select({ recordId: screeningStatus.recordId, stage: screeningStatus.stage, outcome: screeningStatus.outcome })
    .from(screeningStatus)
    .where(and(eq(screeningStatus.reviewId, reviewId), inArray(screeningStatus.recordId, [...new Set(recordIds)])))
    .all()
  return new Map(rows.map((row) => [`${row.recordId}:${row.stage}`, row.outcome]))
}
