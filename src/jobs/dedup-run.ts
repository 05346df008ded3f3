/**
 * One deduplication job, the same steps wherever it runs (a worker thread, or inline for an in-memory
 * database): read a snapshot, compare, write; again if the review changed in between.
 */
import type { DedupResult } from '../domain/dedup/index.ts'
import type { DedupReport, DedupWork } from '../store/duplicates.ts'

/** What a reviewer is told the job is doing; `starting` while its thread loads. */
export type DedupPhase = 'starting' | 'reading' | 'comparing' | 'saving'

/** How far through the phase's things (records read) the job is. */
export interface DedupCounted {
  done: number
  total: number
}

export interface DedupSteps {
  load: (onRead: (read: number, total: number) => void) => DedupWork | null
  compare: (work: DedupWork, onProgress: (share: number) => void) => DedupResult
  save: (work: DedupWork, result: DedupResult) => DedupReport | null
}

/** Reading a review counts as the first tenth of the job, writing as the last. */
const READ_SHARE = 10
const COMPARE_SHARE = 85
/** A review busy enough to change under three runs in a row is left for the next trigger. */
const ATTEMPTS = 3

/**
 * Runs the job until its result is written. Null when there was nothing to do; throws when the review
 * kept changing (its batches stay marked not deduplicated, so the next run picks them up).
 */
export function runDedupAttempts(
  steps: DedupSteps,
  progress: (phase: DedupPhase, percent: number, counted?: DedupCounted) => void,
): DedupReport | null {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const work = steps.load((read, total) =>
      progress('reading', Math.floor((read / Math.max(total, 1)) * READ_SHARE), { done: read, total }),
    )
    if (work === null) return null
    let shown = -1
    const result = steps.compare(work, (share) => {
      const percent = READ_SHARE + Math.floor(share * COMPARE_SHARE)
      if (percent === shown) return
      shown = percent
      progress('comparing', percent)
    })
    progress('saving', READ_SHARE + COMPARE_SHARE)
    const report = steps.save(work, result)
    if (report !== null) return report
  }
  throw new Error(
    'The review changed during each of three deduplication runs; it will run again after the next import.',
  )
}
