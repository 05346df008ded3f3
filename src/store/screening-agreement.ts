/** The votes agreement is computed from: the current vote per record and reviewer at a stage, as blinding lets the member see them. */
import { and, eq, inArray, ne, or } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { pilotRecords, screeningStatus, screeningVotes } from '../../db/schema.ts'
import { outcomesWithVisibleVotes, type VoteViewer } from '../domain/screening/blinding.ts'
import type { AgreementVote } from '../domain/agreement/index.ts'
import type { ScreeningStage, ScreeningVerdict } from '../domain/vocabulary.ts'

export function stageVotes(
  db: Executor,
  reviewId: number,
  stage: ScreeningStage,
  options: { pilotOnly: boolean; viewer: VoteViewer },
): AgreementVote[] {
  const conditions = [
    eq(screeningVotes.reviewId, reviewId),
    eq(screeningVotes.stage, stage),
    ne(screeningVotes.verdict, 'withdrawn'),
  ]
  if (options.pilotOnly) {
    conditions.push(
      inArray(
        screeningVotes.recordId,
        db.select({ id: pilotRecords.recordId }).from(pilotRecords).where(eq(pilotRecords.reviewId, reviewId)),
      ),
    )
  }
  const { viewer } = options
  const visible = outcomesWithVisibleVotes(viewer)
  // Only the votes the member may see: their own, and others' on records whose outcome shows them.
  conditions.push(
    or(
      viewer.id === null ? undefined : eq(screeningVotes.reviewerId, viewer.id),
      inArray(screeningStatus.outcome, [...visible]),
    )!,
  )
  return db
    .select({
      recordId: screeningVotes.recordId,
      reviewerId: screeningVotes.reviewerId,
      verdict: screeningVotes.verdict,
    })
    .from(screeningVotes)
    .innerJoin(
      screeningStatus,
      and(eq(screeningStatus.recordId, screeningVotes.recordId), eq(screeningStatus.stage, screeningVotes.stage)),
    )
    .where(and(...conditions))
    .all()
    .map((vote) => ({ ...vote, verdict: vote.verdict as ScreeningVerdict }))
}
