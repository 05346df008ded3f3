/**
 * How each job runs, the same on a worker thread (its own connection to the database file) and inline
 * on the request thread (an in-memory database). A context is one thread's state: its connection and
 * the features of the reviews it retrains.
 */
import type { Db } from '../../db/client.ts'
import { fileChunks } from '../cli/file-chunks.ts'
import { retrainRanking } from '../ranking/retrain.ts'
import { ReviewFeatures } from '../ranking/review-features.ts'
import { compareDedupWork, loadDedupWork, saveDedupResult } from '../store/duplicates.ts'
import { importIntoSource } from '../store/imports.ts'
import { runDedupAttempts } from './dedup-run.ts'
import type { JobKind, JobProgress, JobTypes } from './job-types.ts'

export class JobContext {
  readonly features: ReviewFeatures

  constructor(
    readonly db: Db,
    pause: () => Promise<void>,
  ) {
    this.features = new ReviewFeatures(db, pause)
  }

  run<K extends JobKind>(
    kind: K,
    input: JobTypes[K]['input'],
    progress: (progress: JobProgress) => void,
  ): Promise<JobTypes[K]['output']> {
    const handler = this.handlers[kind] as (
      input: JobTypes[K]['input'],
      progress: (progress: JobProgress) => void,
    ) => JobTypes[K]['output'] | Promise<JobTypes[K]['output']>
    return Promise.resolve().then(() => handler(input, progress))
  }

  private readonly handlers: {
    [K in JobKind]: (
      input: JobTypes[K]['input'],
      progress: (progress: JobProgress) => void,
    ) => JobTypes[K]['output'] | Promise<JobTypes[K]['output']>
  } = {
    retrain: ({ reviewId, reviewerId }) => retrainRanking(this.db, this.features, reviewId, reviewerId),
    // Reads a snapshot, compares, writes the result in one transaction; reads again if the review changed.
    dedup: ({ reviewId, actorId }, progress) =>
      runDedupAttempts(
        {
          load: (onRead) => loadDedupWork(this.db, reviewId, onRead),
          compare: compareDedupWork,
          save: (work, result) => saveDedupResult(this.db, work, result, actorId),
        },
        (phase, percent, counted) => progress({ phase, percent, ...(counted ? { counted } : {}) }),
      ),
    // The same streaming read as `weft import`: the file is parsed a megabyte at a time, then stored at once.
    import: ({ filePath, ...request }, progress) =>
      importIntoSource(this.db, { ...request, chunks: fileChunks(filePath), onProgress: progress }),
    forget: ({ reviewId }) => {
      this.features.forget(reviewId)
      return null
    },
    held: () => {
      // Benchmarks run with --expose-gc (workers inherit it) so the figure is what is live, not yet-uncollected.
      ;(globalThis as { gc?: () => void }).gc?.()
      const { heapUsed, external } = process.memoryUsage()
      return { featureSets: this.features.size, heapMb: Math.round((heapUsed + external) / 1e6) }
    },
  }
}
