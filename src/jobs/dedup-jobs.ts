/**
 * Deduplication in the background: an upload commits its import and answers at once; the comparison
 * then runs on the job pool (src/jobs/job-runner.ts), one job per review at a time, with its own
 * connection on a worker thread (inline, right after the response, for an in-memory database).
 *
 * Progress lives in this process only. A job that dies (a crash, a restart) leaves its batches marked
 * not deduplicated and the data as it was, since results are written in one transaction: the next
 * upload, "Run deduplication" on the import page, or `weft dedup` picks them up.
 */
import type { DedupReport } from '../store/duplicates.ts'
import type { DedupCounted, DedupPhase } from './dedup-run.ts'
import type { JobRunner } from './job-runner.ts'

export interface DedupRunning {
  phase: DedupPhase
  percent: number
  counted?: DedupCounted | undefined
}

/** How the last job of a review ended, for the page that polls it. */
export type DedupOutcome = { ok: true; report: DedupReport | null } | { ok: false; message: string }

interface Job {
  state: DedupRunning
  /** Another import arrived while this job ran: run once more when it ends. */
  again: boolean
  actorId: number | null
  ended: Promise<void>
}

export class DedupJobs {
  private readonly jobs = new Map<number, Job>()
  private readonly outcomes = new Map<number, DedupOutcome>()

  constructor(private readonly runner: JobRunner) {}

  /** Starts deduplicating the review's new imports, or asks the running job to go once more. */
  start(reviewId: number, actorId: number | null): void {
    const running = this.jobs.get(reviewId)
    if (running) {
      running.again = true
      return
    }
    const job: Job = { state: { phase: 'starting', percent: 0 }, again: false, actorId, ended: Promise.resolve() }
    this.jobs.set(reviewId, job)
    this.outcomes.delete(reviewId)
    job.ended = this.run(reviewId, job).then((outcome) => {
      this.jobs.delete(reviewId)
      this.outcomes.set(reviewId, outcome)
      if (!outcome.ok) console.error(`Deduplication of review ${reviewId} failed: ${outcome.message}`)
      if (job.again) this.start(reviewId, job.actorId)
    })
  }

  /** What the review's job is doing, or null when none runs. */
  running(reviewId: number): DedupRunning | null {
    return this.jobs.get(reviewId)?.state ?? null
  }

  /** How the review's last job ended, since this process started. */
  lastOutcome(reviewId: number): DedupOutcome | undefined {
    return this.outcomes.get(reviewId)
  }

  /** Resolves once no job runs for the review (tests, shutdown). */
  async settled(reviewId: number): Promise<void> {
    for (let job = this.jobs.get(reviewId); job; job = this.jobs.get(reviewId)) await job.ended
  }

  private run(reviewId: number, job: Job): Promise<DedupOutcome> {
    return this.runner
      .run(
        'dedup',
        { reviewId, actorId: job.actorId },
        {
          affinity: reviewId,
          onProgress: (state) => {
            if ('percent' in state) job.state = state
          },
        },
      )
      .then(
        (report): DedupOutcome => ({ ok: true, report }),
        (error: Error): DedupOutcome => ({ ok: false, message: error.message }),
      )
  }
}
