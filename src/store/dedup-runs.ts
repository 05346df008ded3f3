/** Deduplication runs as stored: what each found, for the import pages (written by duplicates.ts). */
import { desc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { dedupRuns, type DedupRun } from '../../db/schema.ts'
import type { DedupReport } from './duplicates.ts'

export function reportOf(run: DedupRun): DedupReport {
  return { candidates: run.candidates, merged_auto: run.mergedAuto, pending: run.pendingAfter }
}

/** The run that compared a batch's records, if it is known. */
export function findDedupRun(db: Executor, runId: number): DedupRun | undefined {
  return db.select().from(dedupRuns).where(eq(dedupRuns.id, runId)).get()
}

/** The review's latest run, if any. */
export function latestDedupRun(db: Executor, reviewId: number): DedupRun | undefined {
  return db.select().from(dedupRuns).where(eq(dedupRuns.reviewId, reviewId)).orderBy(desc(dedupRuns.id)).limit(1).get()
}
