/**
 * The services one running app owns (no module globals): the background-job pool, the reviewers'
 * rankings, the deduplication jobs and the compiled highlighters. createApp builds them from the config
 * and the clock unless given; whoever built them closes them (the server on stop, a test at its end).
 */
import type { Db } from '../db/client.ts'
import type { WeftConfig } from './config.ts'
import { DedupJobs } from './jobs/dedup-jobs.ts'
import { JobRunner } from './jobs/job-runner.ts'
import { UploadProgress } from './jobs/upload-progress.ts'
import { RankingQueue } from './ranking/ranking-queue.ts'
import { HighlighterCache } from './routes/review/screening-highlight.ts'

export interface AppServices {
  jobs: JobRunner
  ranking: RankingQueue
  dedup: DedupJobs
  /** Where each browser upload of reference files stands, for the page that polls it. */
  uploads: UploadProgress
  highlighters: HighlighterCache
  /** Stops the worker threads (jobs still queued fail). */
  close(): Promise<void>
}

export function createServices(db: Db, config: WeftConfig, now: () => Date): AppServices {
  const jobs = new JobRunner(db, config.workerThreads)
  return {
    jobs,
    ranking: new RankingQueue(db, jobs, now, config),
    dedup: new DedupJobs(jobs),
    uploads: new UploadProgress(() => now().getTime()),
    highlighters: new HighlighterCache(),
    close: () => jobs.close(),
  }
}
