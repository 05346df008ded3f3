/** The conflict queue: records at a stage that wait for a resolver, oldest first, a page at a time (empty for a blind reviewer). */
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, screeningStatus, type Review } from '../../db/schema.ts'
import type { ScreeningStage } from '../domain/vocabulary.ts'
import { outcomesWithVisibleVotes, type VoteViewer } from '../domain/screening/blinding.ts'
import type { ScreeningCard } from '../domain/screening/card.ts'
import { screeningCard } from './screening-card.ts'
import { inStage } from './screening-stage.ts'

/** The outcomes that wait for a resolver. */
export const WAITING = ['conflict', 'reopened'] as const

export function conflictQueue(
  db: Executor,
  review: Review,
  stage: ScreeningStage,
  viewer: VoteViewer,
  page: { after: number; limit: number },
): { cards: ScreeningCard[]; total: number; nextAfter: number | null } {
  const shown = WAITING.filter((outcome) => outcomesWithVisibleVotes(viewer).includes(outcome))
  if (shown.length === 0) return { cards: [], total: 0, nextAfter: null }
  // Of records still in the stage: a record found to be a duplicate since waits for nobody.
  const waiting = and(
    eq(screeningStatus.reviewId, review.id),
    eq(screeningStatus.stage, stage),
    inArray(screeningStatus.outcome, shown),
    inStage(db, review.id, stage),
  )
  const ids = db
    .select({ id: screeningStatus.recordId })
    .from(screeningStatus)
    .innerJoin(records, eq(records.id, screeningStatus.recordId))
    .where(and(waiting, gt(screeningStatus.recordId, page.after)))
    .orderBy(asc(screeningStatus.recordId))
    .limit(page.limit + 1)
    .all()
    .map((row) => row.id)
  const cards = ids
    .slice(0, page.limit)
    .map((id) => screeningCard(db, review, stage, id, viewer))
    .filter((card): card is ScreeningCard => card !== null)
  const total =
    db
      .select({ n: count() })
      .from(screeningStatus)
      .innerJoin(records, eq(records.id, screeningStatus.recordId))
      .where(waiting)
      .get()?.n ?? 0
  return { cards, total, nextAfter: ids.length > page.limit ? (ids[page.limit - 1] ?? null) : null }
}
