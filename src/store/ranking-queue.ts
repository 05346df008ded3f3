/**
 * The title/abstract queue in relevance (or random) order. Each reviewer has a ranking of the records
 * waiting for them, kept in memory and remade in the background (src/store/ranking-scheduler.ts) whenever
 * the review has changed since it was made, so a vote never waits for training. Until a ranking exists (a
 * new review, a restarted server, no include and exclude yet) the queue is served in import order.
 *
 * A ranking learns from the reviewer's own votes and the team's decided outcomes (ranking-data.ts), so two
 * reviewers screening blind each get their own order and never see the other's undecided votes through it.
 * The text features of a review are built once and reused until its set of records changes (an import).
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { reviews, type Review } from '../../db/schema.ts'
import {
  DEFAULT_MODEL,
  FeatureMatrixBuilder,
  featuresFromMatrix,
  rankingText,
  relevanceByRow,
  shuffled,
  stoppingGuidance,
  type RankingFeatures,
  type RelevanceNote,
  type StoppingGuidance,
} from '../domain/ranking/index.ts'
import type { ScreeningOrder, ScreeningStage } from '../domain/vocabulary.ts'
import { ownVotesInOrder, rankingRecords, recordSetKey, reviewChangeMark, trainingDecisions } from './ranking-data.ts'
import { RetrainScheduler } from './ranking-scheduler.ts'
import { nextRecordFor, waitingAmong, waitingRecordIds, type QueuePosition } from './screening-queue.ts'

/** Records checked per query when looking for the first one still waiting. */
const CHUNK = 50
/** Records read and tokenised between two pauses for requests while a review's features are built. */
const FEATURE_BATCH = 2_000

interface QueueRanking {
  /** The review's order setting it was made for. */
  setting: ScreeningOrder
  /** The review's change mark when it was made: a different mark now means it is out of date. */
  mark: number
  /** The records waiting then, in screening order; null until relevance can be learnt (import order meanwhile). */
  order: number[] | null
  /** No record before this position still waits (they are voted from the top down); a new ranking starts at 0. */
  cursor: number
  /** Each record's 0–1 relevance (its place among all records), by its row in the features; null unless ordered by relevance. */
  model: { relevance: Float64Array; rowOf: ReadonlyMap<number, number> } | null
  guidance: StoppingGuidance
}

interface RetrainJob {
  db: Db
  reviewId: number
  reviewerId: number
}

// Per database, so every test app (and the server) keeps its own rankings.
const rankingsByDb = new WeakMap<Db, Map<string, QueueRanking>>()
const featuresByDb = new WeakMap<Db, Map<number, { key: string; features: RankingFeatures }>>()

const scheduler = new RetrainScheduler<RetrainJob>(
  (_key, job) => retrain(job),
  { delayMs: 300, maxWaitMs: 2_000 },
  (error, key) => {
    // A test or a shutdown may close the database while a retrain waits; that retrain no longer matters.
    if (error instanceof TypeError && /not open/.test(error.message)) return
    console.error(`ranking ${key}: retrain failed`, error)
  },
)

/** Runs any retrain that is waiting and resolves when none is left (tests and benches await this). */
export function whenIdle(): Promise<void> {
  return scheduler.whenIdle()
}

/** True while a retrain for this reviewer has been asked for and has not yet run. */
export function retrainWaiting(reviewId: number, reviewerId: number): boolean {
  return scheduler.isWaiting(keyOf(reviewId, reviewerId))
}

/**
 * The reviewer's next record: the top-ranked one still waiting when the review screens in relevance or
 * random order at title/abstract, otherwise (and until a ranking exists) the import-order queue.
 */
export function nextRankedRecord(db: Db, position: QueuePosition): number | null {
  const { review, reviewerId } = position
  if (position.stage !== 'title_abstract' || review.pilotActive || review.screeningOrder === 'import')
    return nextRecordFor(db, position)
  const ranking = currentRanking(db, review.id, reviewerId)
  if (!ranking || ranking.setting !== review.screeningOrder || ranking.mark !== reviewChangeMark(db, review.id)) {
    scheduler.schedule(keyOf(review.id, reviewerId), { db, reviewId: review.id, reviewerId })
  }
  return (ranking?.order ? firstWaiting(db, position, ranking, ranking.order) : null) ?? nextRecordFor(db, position)
}

/** What the screening card says about a record's relevance; null unless the reviewer's queue is ranked by relevance. */
export function relevanceNote(
  db: Db,
  review: Review,
  stage: ScreeningStage,
  reviewerId: number,
  recordId: number,
): RelevanceNote | null {
  if (stage !== 'title_abstract' || review.pilotActive || review.screeningOrder !== 'relevance') return null
  const ranking = currentRanking(db, review.id, reviewerId)
  const row = ranking?.model?.rowOf.get(recordId)
  if (!ranking?.order || !ranking.model || row === undefined) return null
  const index = ranking.order.indexOf(recordId)
  const score = ranking.model.relevance[row]!
  return { score, rank: index === -1 ? null : index + 1, ranked: ranking.order.length, guidance: ranking.guidance }
}

function keyOf(reviewId: number, reviewerId: number): string {
  return `${reviewId}:${reviewerId}`
}

function currentRanking(db: Db, reviewId: number, reviewerId: number): QueueRanking | undefined {
  return rankingsByDb.get(db)?.get(keyOf(reviewId, reviewerId))
}

function firstWaiting(db: Db, position: QueuePosition, ranking: QueueRanking, order: number[]): number | null {
  while (ranking.cursor < order.length) {
    const chunk = order.slice(ranking.cursor, ranking.cursor + CHUNK)
    const first = waitingAmong(db, position, chunk)[0]
    if (first !== undefined) {
      ranking.cursor += chunk.indexOf(first)
      return first
    }
    ranking.cursor += chunk.length
  }
  return null
}

/**
 * Remakes one reviewer's ranking from what the database holds now. Only building a review's features
 * pauses (between batches); everything after it runs at once, so the ranking matches one moment.
 */
async function retrain({ db, reviewId, reviewerId }: RetrainJob): Promise<void> {
  const rankings = rankingsByDb.get(db) ?? new Map<string, QueueRanking>()
  rankingsByDb.set(db, rankings)
  const initial = db.select({ order: reviews.screeningOrder }).from(reviews).where(eq(reviews.id, reviewId)).get()
  const features = initial?.order === 'relevance' ? await featuresOf(db, reviewId) : null
  // Read first: a change made after this point leaves the new ranking marked out of date.
  const mark = reviewChangeMark(db, reviewId)
  const review = db.select().from(reviews).where(eq(reviews.id, reviewId)).get()
  if (!review) {
    rankings.delete(keyOf(reviewId, reviewerId))
    return
  }
  const waiting = waitingRecordIds(db, { review, stage: 'title_abstract', reviewerId })
  let order: number[] | null = null
  let model: QueueRanking['model'] = null
  if (review.screeningOrder === 'random') {
    order = shuffled(waiting, reviewId * 7919 + reviewerId)
  } else if (review.screeningOrder === 'relevance' && features) {
    const relevance = relevanceByRow(features, trainingDecisions(db, reviewId, reviewerId))
    if (relevance) {
      // Rows follow record ids, so equal scores keep import order.
      const rows = Int32Array.from(waiting, (id) => features.rowOf.get(id) ?? -1)
        .filter((row) => row !== -1)
        .sort((a, b) => relevance[b]! - relevance[a]! || a - b)
      order = Array.from(rows, (row) => features.ids[row]!)
      model = { relevance, rowOf: features.rowOf }
    }
  }
  const guidance = stoppingGuidance(ownVotesInOrder(db, reviewId, reviewerId), waiting.length)
  rankings.set(keyOf(reviewId, reviewerId), { setting: review.screeningOrder, mark, order, cursor: 0, model, guidance })
}

async function featuresOf(db: Db, reviewId: number): Promise<RankingFeatures> {
  const cache = featuresByDb.get(db) ?? new Map<number, { key: string; features: RankingFeatures }>()
  featuresByDb.set(db, cache)
  const key = recordSetKey(db, reviewId)
  const cached = cache.get(reviewId)
  if (cached?.key === key) return cached.features
  // Tokenising 100,000 abstracts takes seconds: batch by batch, with requests answered in between.
  const builder = new FeatureMatrixBuilder(DEFAULT_MODEL)
  const ids: number[] = []
  for (
    let batch = rankingRecords(db, reviewId, 0, FEATURE_BATCH);
    batch.length > 0;
    batch = rankingRecords(db, reviewId, ids.at(-1)!, FEATURE_BATCH)
  ) {
    for (const record of batch) {
      builder.add(rankingText(record))
      ids.push(record.id)
    }
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  // Records imported meanwhile may be in the matrix under the older key: the next retrain rebuilds.
  const features = featuresFromMatrix(ids, builder.finish(), DEFAULT_MODEL)
  cache.set(reviewId, { key, features })
  return features
}
