/**
 * What the relevance model reads from the database: the review's records, the title/abstract decisions a
 * reviewer's ranking may learn from, and a cheap mark that changes whenever anything in the review does.
 */
import { and, asc, count, eq, gt, inArray, max } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { auditEvents, records, screeningStatus, screeningVotes } from '../../db/schema.ts'
import type { RankingDecision, RankingRecord } from '../domain/ranking/index.ts'

/**
 * Moves whenever the review changes: every vote, undo, resolution, reopening, import and settings change
 * writes an audit event in its own transaction. One index lookup, so every queue request can ask.
 */
export function reviewChangeMark(db: Executor, reviewId: number): number {
  return (
    db
      .select({ last: max(auditEvents.id) })
      .from(auditEvents)
      .where(eq(auditEvents.reviewId, reviewId))
      .get()?.last ?? 0
  )
}

/** Identifies the review's set of records (records are added by imports, never renumbered). */
export function recordSetKey(db: Executor, reviewId: number): string {
  const row = db
    .select({ n: count(), last: max(records.id) })
    .from(records)
    .where(eq(records.reviewId, reviewId))
    .get()
  return `${row?.n ?? 0}:${row?.last ?? 0}`
}

/** The review's records after `after` by id, `limit` at a time (features are built batch by batch). */
export function rankingRecords(db: Executor, reviewId: number, after: number, limit: number): RankingRecord[] {
  return db
    .select({ id: records.id, title: records.title, abstract: records.abstract, keywords: records.keywords })
    .from(records)
    .where(and(eq(records.reviewId, reviewId), gt(records.id, after)))
    .orderBy(asc(records.id))
    .limit(limit)
    .all()
}

/**
 * What a reviewer's ranking learns from at title/abstract: the reviewer's own include and exclude votes,
 * then the team's decided outcomes (agreed or resolved), which win where both exist. Never another
 * reviewer's vote on a record still undecided, so blind screening stays blind.
 */
export function trainingDecisions(db: Executor, reviewId: number, reviewerId: number): RankingDecision[] {
  const own = db
    .select({ recordId: screeningVotes.recordId, verdict: screeningVotes.verdict })
    .from(screeningVotes)
    .where(and(ownTitleAbstractVotes(reviewId, reviewerId), inArray(screeningVotes.verdict, ['include', 'exclude'])))
    .all()
    .map((vote) => ({ recordId: vote.recordId, included: vote.verdict === 'include' }))
  const decided = db
    .select({ recordId: screeningStatus.recordId, outcome: screeningStatus.outcome })
    .from(screeningStatus)
    .where(
      and(
        eq(screeningStatus.reviewId, reviewId),
        eq(screeningStatus.stage, 'title_abstract'),
        inArray(screeningStatus.outcome, ['included', 'excluded']),
      ),
    )
    .all()
    .map((status) => ({ recordId: status.recordId, included: status.outcome === 'included' }))
  return [...own, ...decided]
}

/**
 * The reviewer's current title/abstract votes in the order cast (true: include or maybe, either of which
 * breaks a run of excludes): what the stopping guidance reads.
 */
export function ownVotesInOrder(db: Executor, reviewId: number, reviewerId: number): boolean[] {
  return db
    .select({ verdict: screeningVotes.verdict })
    .from(screeningVotes)
    .where(ownTitleAbstractVotes(reviewId, reviewerId))
    .orderBy(asc(screeningVotes.decisionId))
    .all()
    .map((vote) => vote.verdict !== 'exclude')
}

/** The reviewer's own votes at title/abstract, where ranking and its stopping guidance learn from. */
function ownTitleAbstractVotes(reviewId: number, reviewerId: number) {
  return and(
    eq(screeningVotes.reviewId, reviewId),
    eq(screeningVotes.stage, 'title_abstract'),
    eq(screeningVotes.reviewerId, reviewerId),
  )
}
