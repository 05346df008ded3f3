import { count, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { memberships, sources } from '../../db/schema.ts'
import { REVIEW_STAGES, type StageCounts } from '../domain/review-stages.ts'

export interface ReviewOverview {
  stageCounts: StageCounts
  sourceCount: number
  memberCount: number
}

/**
 * Counts for the review dashboard, read from the stored facts. A stage whose tables do not exist yet
 * (records arrive with importing, decisions with screening…) counts zero until its issue adds them.
 */
export function reviewOverview(db: Executor, reviewId: number): ReviewOverview {
  const stageCounts = Object.fromEntries(REVIEW_STAGES.map((stage) => [stage, 0])) as StageCounts
  const sourceCount = db.select({ n: count() }).from(sources).where(eq(sources.reviewId, reviewId)).get()?.n ?? 0
  const memberCount =
    db.select({ n: count() }).from(memberships).where(eq(memberships.reviewId, reviewId)).get()?.n ?? 0
  return { stageCounts, sourceCount, memberCount }
}
