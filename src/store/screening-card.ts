/**
 * Everything the screening page shows about one record at one stage: the citation, where it came from,
 * the viewer's vote, other reviewers' votes when blinding allows, and where the record stands.
 */
import { and, count, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { exclusionReasons, records, reports, screeningVotes, sources, users, type Review } from '../../db/schema.ts'
import { maySeeConflicts, maySeeVote, visibleOutcome, type VoteViewer } from '../domain/screening/blinding.ts'
import type { CardVote, ScreeningCard, ScreeningProgress } from '../domain/screening/card.ts'
import type { ScreeningOutcome, ScreeningStage } from '../domain/vocabulary.ts'
import { inStage, recordOfStage } from './screening-stage.ts'
import { outcomesInStage } from './stages.ts'
import { loadStageState } from './screening-state.ts'

/** The card, or null when the record is not in this stage of the review. */
export function screeningCard(
  db: Executor,
  review: Review,
  stage: ScreeningStage,
  recordId: number,
  viewer: VoteViewer,
): ScreeningCard | null {
  const row = db
    .select({ record: records, source: sources.name })
    .from(records)
    .innerJoin(sources, eq(sources.id, records.sourceId))
    .where(recordOfStage(db, review.id, stage, recordId))
    .get()
  if (!row) return null
  const state = loadStageState(db, review, recordId, stage)
  const names = reviewerNames(
    db,
    state.votes.map((vote) => vote.reviewerId),
  )
  const reasons = reasonLabels(db, review.id)
  const toCardVote = (vote: (typeof state.votes)[number]): CardVote => ({
    reviewerId: vote.reviewerId,
    reviewerName: names.get(vote.reviewerId) ?? 'A former member',
    verdict: vote.verdict,
    reason: vote.reasonId === null ? null : (reasons.get(vote.reasonId) ?? null),
    note: state.notes.get(vote.reviewerId) ?? '',
  })
  const mine = state.votes.find((vote) => vote.reviewerId === viewer.id)
  const others = state.votes.filter((vote) => vote.reviewerId !== viewer.id)
  const visible = others.every((vote) => maySeeVote(viewer, vote.reviewerId, state.outcome.outcome))
  const { record } = row
  return {
    record: {
      id: record.id,
      title: record.title,
      abstract: record.abstract,
      authors: record.authors,
      year: record.year,
      journal: record.journal,
      keywords: record.keywords,
      doi: record.doi,
      pmid: record.pmid,
      source: row.source,
    },
    stage,
    outcome: { ...state.outcome, outcome: visibleOutcome(viewer, state.outcome.outcome) },
    myVote: mine ? { ...toCardVote(mine), reasonId: mine.reasonId } : null,
    otherVotes: visible ? others.map(toCardVote) : null,
    otherVoteCount: others.length,
    resolution: state.resolution
      ? {
          kind: state.resolution.kind,
          verdict: state.resolution.verdict,
          note: state.resolution.note,
          reason: state.resolution.reasonId === null ? null : (reasons.get(state.resolution.reasonId) ?? null),
        }
      : null,
    inPilot: state.inPilot,
    hasFullText: stage === 'full_text' && hasFile(db, recordId),
  }
}

function reviewerNames(db: Executor, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  const rows = db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).all()
  return new Map(rows.map((user) => [user.id, user.name]))
}

export function reasonLabels(db: Executor, reviewId: number): Map<number, string> {
  const rows = db
    .select({ id: exclusionReasons.id, label: exclusionReasons.label })
    .from(exclusionReasons)
    .where(eq(exclusionReasons.reviewId, reviewId))
    .all()
  return new Map(rows.map((reason) => [reason.id, reason.label]))
}

function hasFile(db: Executor, recordId: number): boolean {
  const report = db.select({ sha: reports.fileSha256 }).from(reports).where(eq(reports.recordId, recordId)).get()
  return Boolean(report?.sha)
}

/** The progress bars: the viewer's own and the team's (conflicts only for those blinding lets see them). */
export function screeningProgress(
  db: Executor,
  reviewId: number,
  stage: ScreeningStage,
  viewer: VoteViewer & { id: number },
): ScreeningProgress {
  const total =
    db
      .select({ n: count() })
      .from(records)
      .where(inStage(db, reviewId, stage))
      .get()?.n ?? 0
  const mine =
    db
      .select({ n: count() })
      .from(screeningVotes)
      .where(
        and(
          eq(screeningVotes.reviewId, reviewId),
          eq(screeningVotes.stage, stage),
          eq(screeningVotes.reviewerId, viewer.id),
        ),
      )
      .get()?.n ?? 0
  const outcomes = outcomesInStage(db, reviewId, stage)
  const n = (...wanted: ScreeningOutcome[]) =>
    wanted.reduce((sum, outcome) => sum + (outcomes.get(outcome)?.records ?? 0), 0)
  return {
    total,
    mine,
    decided: n('included', 'excluded'),
    conflicts: maySeeConflicts(viewer) ? n('conflict', 'reopened') : 0,
  }
}
