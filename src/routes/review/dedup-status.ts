import type { ImportBatch } from '../../../db/schema.ts'
import type { DedupStatus } from '../../../views/imports/dedup-status.tsx'
import type { AppDeps } from '../../http/env.ts'
import { findDedupRun, latestDedupRun, reportOf } from '../../store/dedup-runs.ts'
import { hasBatchesToDeduplicate } from '../../store/duplicates.ts'

type DedupDeps = Pick<AppDeps, 'db' | 'dedup'>

/** Where deduplication of the review stands: running, waiting to be run, or done (with its latest run). */
export function dedupStatus({ db, dedup: jobs }: DedupDeps, reviewId: number): DedupStatus {
  const running = jobs.running(reviewId)
  if (running) return { state: 'running', ...running }
  const last = jobs.lastOutcome(reviewId)
  if (hasBatchesToDeduplicate(db, reviewId))
    return { state: 'waiting', failure: last && !last.ok ? last.message : null }
  const run = latestDedupRun(db, reviewId)
  return { state: 'done', report: run ? reportOf(run) : null, runAt: run?.createdAt ?? null }
}

/**
 * Where deduplication of one import stands: the run that compared its records (kept per run, so a later
 * run does not change what this import's page says), or the review's job while it waits for one.
 */
export function batchDedupStatus(deps: DedupDeps, batch: ImportBatch): DedupStatus {
  const run = batch.dedupRunId === null ? undefined : findDedupRun(deps.db, batch.dedupRunId)
  if (run) return { state: 'done', report: reportOf(run), runAt: run.createdAt }
  if (batch.deduplicated) return { state: 'done', report: null, runAt: null }
  const status = dedupStatus(deps, batch.reviewId)
  // The review's runs are done, yet this import was not compared: it waits for the next run.
  return status.state === 'done' ? { state: 'waiting', failure: null } : status
}
