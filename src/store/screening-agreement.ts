/** The votes agreement is computed from: the current vote per record and reviewer at a stage. */
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { pilotRecords, screeningVotes } from '../../db/schema.ts'
import type { AgreementVote } from '../domain/agreement/index.ts'
import type { ScreeningStage, ScreeningVerdict } from '../domain/vocabulary.ts'

export function stageVotes(
  db: Executor,
  reviewId: number,
  stage: ScreeningStage,
  options: { pilotOnly: boolean },
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
  return db
    .select({
      recordId: screeningVotes.recordId,
      reviewerId: screeningVotes.reviewerId,
      verdict: screeningVotes.verdict,
    })
    .from(screeningVotes)
    .where(and(...conditions))
    .all()
    .map((vote) => ({ ...vote, verdict: vote.verdict as ScreeningVerdict }))
}
