import { count, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { memberships } from '../../db/schema.ts'
import { summariseIdentification, type IdentificationCounts, type IdentificationSummary } from '../domain/identification.ts'
import { REVIEW_STAGES, type StageCounts } from '../domain/review-stages.ts'
import { identificationCounts } from './identification.ts'

export interface ReviewOverview {
  stageCounts: StageCounts
  identification: IdentificationCounts
  identificationSummary: IdentificationSummary
  memberCount: number
}

/**
 * Counts for the review dashboard, read from the stored facts. A stage whose tables do not exist yet
 * (decisions arrive with screening, studies with eligibility…) counts zero until its work adds them.
 */
export function reviewOverview(db: Executor, reviewId: number): ReviewOverview {
  const identification = identificationCounts(db, reviewId)
  const identificationSummary = summariseIdentification(identification)
  const stageCounts = Object.fromEntries(REVIEW_STAGES.map((stage) => [stage, 0])) as StageCounts
  stageCounts.identification = identificationSummary.identified
  const memberCount =
    db.select({ n: count() }).from(memberships).where(eq(memberships.reviewId, reviewId)).get()?.n ?? 0
  return { stageCounts, identification, identificationSummary, memberCount }
}
