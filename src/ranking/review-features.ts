/**
 * The TF-IDF features of each review, built once and reused until its set of records changes (an
 * import). One cache per thread that retrains: a worker thread, or the request thread when the jobs run
 * inline. Dropped for a review that has gone idle (RankingQueue.forgetIdle) and rebuilt on demand.
 */
import type { Db } from '../../db/client.ts'
import { DEFAULT_MODEL, FeatureMatrixBuilder, featuresFromMatrix, rankingText } from '../domain/ranking/index.ts'
import type { RankingFeatures } from '../domain/ranking/index.ts'
import { rankingRecords, recordSetKey } from '../store/ranking-data.ts'

/** Records read and tokenised between two pauses (the inline runner answers requests in them). */
const FEATURE_BATCH = 2_000

export class ReviewFeatures {
  private readonly held = new Map<number, { key: string; features: RankingFeatures }>()

  /** `pause` runs between batches: a yield to the event loop inline, nothing in a worker. */
  constructor(
    private readonly db: Db,
    private readonly pause: () => Promise<void>,
  ) {}

  async of(reviewId: number): Promise<RankingFeatures> {
    const key = recordSetKey(this.db, reviewId)
    const cached = this.held.get(reviewId)
    if (cached?.key === key) return cached.features
    const builder = new FeatureMatrixBuilder(DEFAULT_MODEL)
    const ids: number[] = []
    for (
      let batch = rankingRecords(this.db, reviewId, 0, FEATURE_BATCH);
      batch.length > 0;
      batch = rankingRecords(this.db, reviewId, ids.at(-1)!, FEATURE_BATCH)
    ) {
      for (const record of batch) {
        builder.add(rankingText(record))
        ids.push(record.id)
      }
      await this.pause()
    }
    // Records imported meanwhile may be in the matrix under the older key: the next retrain rebuilds.
    const features = featuresFromMatrix(ids, builder.finish(), DEFAULT_MODEL)
    this.held.set(reviewId, { key, features })
    return features
  }

  forget(reviewId: number): void {
    this.held.delete(reviewId)
  }

  /** How many reviews' features are held (memory reports and tests). */
  get size(): number {
    return this.held.size
  }
}
