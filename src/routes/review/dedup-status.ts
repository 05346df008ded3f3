import type { DedupStatus } from '../../../views/imports/dedup-status.tsx'
import type { AppDeps } from '../../http/env.ts'
import { hasBatchesToDeduplicate } from '../../store/duplicates.ts'

/** Where deduplication of the review stands: running, waiting to be run, or done (with this process's last report). */
export function dedupStatus({ db, dedup: jobs }: Pick<AppDeps, 'db' | 'dedup'>, reviewId: number): DedupStatus {
  const running = jobs.running(reviewId)
  if (running) return { state: 'running', ...running }
  const last = jobs.lastOutcome(reviewId)
  if (hasBatchesToDeduplicate(db, reviewId))
    return { state: 'waiting', failure: last && !last.ok ? last.message : null }
  return { state: 'done', report: last?.ok ? last.report : null }
}
