/**
 * The title/abstract queue in relevance (or random) order. Each reviewer has a ranking of the records
 * waiting for them, held here on the request thread and remade on the job pool (src/jobs/job-runner.ts)
 * whenever the review has changed since it was made, so a vote never waits for training. Until a ranking
 * exists (a new review, a restarted server, a review gone idle, no include and exclude yet) the queue is
 * served in import order.
 *
 * A ranking learns from the reviewer's own votes and the team's decided outcomes (store/ranking-data.ts),
 * so two reviewers screening blind each get their own order and never see the other's undecided votes
 * through it. A review nobody has asked about for `idleMs` (by the app's clock) has its rankings and its
 * features dropped; the next request serves import order and asks for a new ranking.
 */
import type { Db } from '../../db/client.ts'
import type { Review } from '../../db/schema.ts'
import type { RelevanceNote } from '../domain/ranking/index.ts'
import type { ScreeningStage } from '../domain/vocabulary.ts'
import type { JobRunner } from '../jobs/job-runner.ts'
import { reviewChangeMark } from '../store/ranking-data.ts'
import { nextRecordFor, waitingAmong, type QueuePosition } from '../store/screening-queue.ts'
import type { RankingSnapshot } from './retrain.ts'
import { RetrainScheduler } from './retrain-scheduler.ts'

/** Records checked per query when looking for the first one still waiting. */
const CHUNK = 50

interface QueueRanking extends RankingSnapshot {
  /** No record before this position still waits (they are voted from the top down); a new ranking starts at 0. */
  cursor: number
}

export interface RankingTimings {
  retrainDelayMs: number
  retrainMaxWaitMs: number
  /** A review not asked about for this long has its rankings and features dropped. */
  rankingIdleMs: number
}

interface RetrainJob {
  reviewId: number
  reviewerId: number
}

export class RankingQueue {
  /** By review, then by reviewer. */
  private readonly rankings = new Map<number, Map<number, QueueRanking>>()
  /** When each review with rankings was last asked about (the app's clock, in ms). */
  private readonly lastAsked = new Map<number, number>()
  private readonly scheduler: RetrainScheduler<RetrainJob>

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRunner,
    private readonly now: () => Date,
    private readonly timings: RankingTimings,
  ) {
    this.scheduler = new RetrainScheduler<RetrainJob>(
      (_key, job) => this.retrain(job),
      { delayMs: timings.retrainDelayMs, maxWaitMs: timings.retrainMaxWaitMs },
      (error, key) => {
        // A shutdown may stop the pool or close the database while a retrain waits; it no longer matters.
        if (error instanceof Error && /not open|were stopped/.test(error.message)) return
        console.error(`ranking ${key}: retrain failed`, error)
      },
    )
  }

  /**
   * The reviewer's next record: the top-ranked one still waiting when the review screens in relevance or
   * random order at title/abstract, otherwise (and until a ranking exists) the import-order queue.
   */
  nextRecord(position: QueuePosition): number | null {
    const { review, reviewerId } = position
    if (position.stage !== 'title_abstract' || review.pilotActive || review.screeningOrder === 'import')
      return nextRecordFor(this.db, position)
    this.asked(review.id)
    const ranking = this.rankings.get(review.id)?.get(reviewerId)
    if (!ranking || ranking.setting !== review.screeningOrder || ranking.mark !== reviewChangeMark(this.db, review.id))
      this.scheduler.schedule(`${review.id}:${reviewerId}`, { reviewId: review.id, reviewerId })
    return (
      (ranking?.order ? this.firstWaiting(position, ranking, ranking.order) : null) ?? nextRecordFor(this.db, position)
    )
  }

  /** What the screening card says about a record's relevance; null unless the reviewer's queue is ranked by relevance. */
  relevanceNote(review: Review, stage: ScreeningStage, reviewerId: number, recordId: number): RelevanceNote | null {
    if (stage !== 'title_abstract' || review.pilotActive || review.screeningOrder !== 'relevance') return null
    const ranking = this.rankings.get(review.id)?.get(reviewerId)
    if (!ranking?.order || !ranking.scores) return null
    const row = rowOf(ranking.scores.ids, recordId)
    if (row === -1) return null
    const index = ranking.order.indexOf(recordId)
    return {
      score: ranking.scores.relevance[row]!,
      rank: index === -1 ? null : index + 1,
      ranked: ranking.order.length,
      guidance: ranking.guidance,
    }
  }

  /** Runs any retrain that is waiting and resolves when none is left (tests and benches await this). */
  whenIdle(): Promise<void> {
    return this.scheduler.whenIdle()
  }

  /** True while a retrain for this reviewer has been asked for and has not yet run. */
  retrainWaiting(reviewId: number, reviewerId: number): boolean {
    return this.scheduler.isWaiting(`${reviewId}:${reviewerId}`)
  }

  /**
   * Drops the rankings and features of every review not asked about for `rankingIdleMs`; the reviews
   * dropped. Runs on each queue request and from the server's housekeeping.
   */
  forgetIdle(): number[] {
    const before = this.now().getTime() - this.timings.rankingIdleMs
    const idle = [...this.lastAsked].filter(([, at]) => at < before).map(([reviewId]) => reviewId)
    for (const reviewId of idle) {
      this.lastAsked.delete(reviewId)
      this.rankings.delete(reviewId)
      void this.jobs.run('forget', { reviewId }, { affinity: reviewId }).catch(() => undefined)
    }
    return idle
  }

  /** What is held in memory: reviewer rankings here, and the reviews whose features the pool holds. */
  async held(): Promise<{ rankings: number; featureSets: number }> {
    const rankings = [...this.rankings.values()].reduce((sum, byReviewer) => sum + byReviewer.size, 0)
    const threads = await this.jobs.runOnEach('held', {})
    return { rankings, featureSets: threads.reduce((sum, thread) => sum + thread.featureSets, 0) }
  }

  /** The heap of each thread that retrains (MB; after a GC when the process runs with --expose-gc). */
  async poolHeapMb(): Promise<number[]> {
    return (await this.jobs.runOnEach('held', {})).map((thread) => thread.heapMb)
  }

  private asked(reviewId: number): void {
    this.lastAsked.set(reviewId, this.now().getTime())
    this.forgetIdle()
  }

  private firstWaiting(position: QueuePosition, ranking: QueueRanking, order: Int32Array): number | null {
    while (ranking.cursor < order.length) {
      const chunk = Array.from(order.subarray(ranking.cursor, ranking.cursor + CHUNK))
      const first = waitingAmong(this.db, position, chunk)[0]
      if (first !== undefined) {
        ranking.cursor += chunk.indexOf(first)
        return first
      }
      ranking.cursor += chunk.length
    }
    return null
  }

  private async retrain({ reviewId, reviewerId }: RetrainJob): Promise<void> {
    const snapshot = await this.jobs.run('retrain', { reviewId, reviewerId }, { affinity: reviewId })
    if (!snapshot) {
      this.rankings.delete(reviewId)
      return
    }
    const byReviewer = this.rankings.get(reviewId) ?? new Map<number, QueueRanking>()
    this.rankings.set(reviewId, byReviewer)
    byReviewer.set(reviewerId, { ...snapshot, cursor: 0 })
    if (!this.lastAsked.has(reviewId)) this.lastAsked.set(reviewId, this.now().getTime())
  }
}

/** The row of `id` in ids sorted ascending, or -1. */
function rowOf(ids: Int32Array, id: number): number {
  let low = 0
  let high = ids.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const found = ids[middle]!
    if (found === id) return middle
    if (found < id) low = middle + 1
    else high = middle - 1
  }
  return -1
}
