/**
 * How far a review has got, with the totals behind each count (12 of 16 records screened), and what waits
 * for one person: the dashboard's to-do and the review list read it.
 */
import { count } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, type Review } from '../../db/schema.ts'
import {
  stageAtWork,
  type PersonalTodo,
  type ReviewStage,
  type StageCounts,
  type StageProgress,
  type StageProgressMap,
} from '../domain/review-stages.ts'
import { isResolver } from '../domain/screening/rules.ts'
import { roleAtLeast, type MemberRole, type ScreeningStage } from '../domain/vocabulary.ts'
import { reviewOverview } from './dashboard.ts'
import { retrievalCounts } from './reports.ts'
import { WAITING } from './screening-conflicts.ts'
import { countPendingDuplicates } from './duplicates.ts'
import { outcomesInStage } from './stages.ts'
import { countWaitingFor } from './screening-queue.ts'
import { inStage } from './screening-stage.ts'

function recordsInStage(db: Executor, reviewId: number, stage: ScreeningStage): number {
  return (
    db
      .select({ n: count() })
      .from(records)
      .where(inStage(db, reviewId, stage))
      .get()?.n ?? 0
  )
}

type Retrieval = ReturnType<typeof retrievalCounts>

/** The totals beside the dashboard's counts: what each stage has done of what it has to do. */
export function stageProgress(
  db: Executor,
  reviewId: number,
  counts: StageCounts,
  retrieval: Retrieval = retrievalCounts(db, reviewId),
): StageProgressMap {
  return {
    screening: { done: counts.screening, of: recordsInStage(db, reviewId, 'title_abstract') },
    retrieval: { done: retrieval.retrieved + retrieval.notRetrieved, of: retrieval.sought },
    eligibility: { done: counts.eligibility, of: recordsInStage(db, reviewId, 'full_text') },
    appraisal: { done: counts.appraisal, of: counts.included },
    extraction: { done: counts.extraction, of: counts.included },
  }
}

/** Records waiting for a resolver at each stage, counted as the conflict queue and PRISMA count them. */
function conflictsByStage(db: Executor, reviewId: number): Record<ScreeningStage, number> {
  const waiting = (stage: ScreeningStage) => {
    const outcomes = outcomesInStage(db, reviewId, stage)
    return WAITING.reduce((sum, outcome) => sum + (outcomes.get(outcome)?.records ?? 0), 0)
  }
  return { title_abstract: waiting('title_abstract'), full_text: waiting('full_text') }
}

/** What waits for this person in the review; null for a viewer, who does none of it. */
export function personalTodo(
  db: Executor,
  review: Review,
  userId: number,
  role: MemberRole,
  retrieval: Retrieval = retrievalCounts(db, review.id),
): PersonalTodo | null {
  if (!roleAtLeast(role, 'reviewer')) return null
  const waiting = (stage: ScreeningStage) => countWaitingFor(db, { review, stage, reviewerId: userId })
  return {
    toScreen: { title_abstract: waiting('title_abstract'), full_text: waiting('full_text') },
    toResolve: isResolver(review, userId, role) ? conflictsByStage(db, review.id) : null,
    toRetrieve: retrieval.awaiting,
    duplicatePairs: countPendingDuplicates(db, review.id),
  }
}

export interface ReviewStanding {
  /** The stage the team works through now; null once every stage has begun and finished. */
  stage: ReviewStage | null
  count: number
  progress: StageProgress | undefined
  todo: PersonalTodo | null
}

/** Where a review stands for the review list: its stage at work, how far that stage has got, and one's to-do. */
export function reviewStanding(db: Executor, review: Review, userId: number, role: MemberRole): ReviewStanding {
  const { stageCounts } = reviewOverview(db, review.id)
  const retrieval = retrievalCounts(db, review.id)
  const progress = stageProgress(db, review.id, stageCounts, retrieval)
  const stage = stageAtWork(stageCounts, progress)
  return {
    stage,
    count: stage ? stageCounts[stage] : 0,
    progress: stage ? progress[stage] : undefined,
    todo: personalTodo(db, review, userId, role, retrieval),
  }
}
