/**
 * Remaking one reviewer's ranking from what the database holds now: the job the pool runs (in a worker
 * thread, or inline). Its result is plain typed arrays, handed to the request thread without copying.
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { reviews } from '../../db/schema.ts'
import { relevanceByRow, shuffled, stoppingGuidance, type StoppingGuidance } from '../domain/ranking/index.ts'
import type { ScreeningOrder } from '../domain/vocabulary.ts'
import { ownVotesInOrder, reviewChangeMark, trainingDecisions } from '../store/ranking-data.ts'
import { waitingRecordIds } from '../store/screening-queue.ts'
import type { ReviewFeatures } from './review-features.ts'

export interface RankingSnapshot {
  /** The review's order setting it was made for. */
  setting: ScreeningOrder
  /** The review's change mark when it was made: a different mark now means it is out of date. */
  mark: number
  /** The records waiting then, in screening order; null until relevance can be learnt (import order meanwhile). */
  order: Int32Array | null
  /** Each record's 0–1 relevance, records by ascending id; null unless ordered by relevance. */
  scores: { ids: Int32Array; relevance: Float64Array } | null
  guidance: StoppingGuidance
}

/**
 * The ranking of the records waiting for the reviewer, or null when the review is gone. Only building a
 * review's features may pause; everything after it reads one moment of the database.
 */
export async function retrainRanking(
  db: Db,
  features: ReviewFeatures,
  reviewId: number,
  reviewerId: number,
): Promise<RankingSnapshot | null> {
  const initial = db.select({ order: reviews.screeningOrder }).from(reviews).where(eq(reviews.id, reviewId)).get()
  const matrix = initial?.order === 'relevance' ? await features.of(reviewId) : null
  // Read first: a change made after this point leaves the new ranking marked out of date.
  const mark = reviewChangeMark(db, reviewId)
  const review = db.select().from(reviews).where(eq(reviews.id, reviewId)).get()
  if (!review) return null
  const waiting = waitingRecordIds(db, { review, stage: 'title_abstract', reviewerId })
  let order: Int32Array | null = null
  let scores: RankingSnapshot['scores'] = null
  if (review.screeningOrder === 'random') {
    order = Int32Array.from(shuffled(waiting, reviewId * 7919 + reviewerId))
  } else if (review.screeningOrder === 'relevance' && matrix) {
    const relevance = relevanceByRow(matrix, trainingDecisions(db, reviewId, reviewerId))
    if (relevance) {
      // Rows follow record ids, so equal scores keep import order.
      const rows = Int32Array.from(waiting, (id) => matrix.rowOf.get(id) ?? -1)
        .filter((row) => row !== -1)
        .sort((a, b) => relevance[b]! - relevance[a]! || a - b)
      order = rows.map((row) => matrix.ids[row]!)
      scores = { ids: Int32Array.from(matrix.ids), relevance }
    }
  }
  const guidance = stoppingGuidance(ownVotesInOrder(db, reviewId, reviewerId), waiting.length)
  return { setting: review.screeningOrder, mark, order, scores, guidance }
}
