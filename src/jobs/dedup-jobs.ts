/**
 * Deduplication in the background: an upload commits its import and answers at once; the comparison
 * then runs here, one job per review at a time. On a database file the job runs in a worker thread with
 * its own connection (the server keeps answering requests); an in-memory database (tests) cannot be
 * shared with a thread, so its job runs inline, right after the response.
 *
 * Progress lives in this process only. A job that dies (a crash, a restart) leaves its batches marked
 * not deduplicated and the data as it was, since results are written in one transaction: the next
 * upload, "Run deduplication" on the import page, or `weft dedup` picks them up.
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/client.ts'
import { compareDedupWork, loadDedupWork, saveDedupResult, type DedupReport } from '../store/duplicates.ts'
import { runDedupAttempts, type DedupCounted, type DedupMessage, type DedupPhase } from './dedup-run.ts'

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

  constructor(private readonly db: Db) {}

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
    const client = this.db.$client
    return client.memory ? this.runInline(reviewId, job) : this.runInWorker(client.name, reviewId, job)
  }

  private runInline(reviewId: number, job: Job): Promise<DedupOutcome> {
    return new Promise((resolve) => {
      // After the current response has gone out: the upload is answered before the comparison starts.
      setImmediate(() => {
        try {
          const report = runDedupAttempts(
            {
              load: (onRead) => loadDedupWork(this.db, reviewId, onRead),
              compare: compareDedupWork,
              save: (work, result) => saveDedupResult(this.db, work, result, job.actorId),
            },
            (phase, percent, counted) => (job.state = { phase, percent, counted }),
          )
          resolve({ ok: true, report })
        } catch (error) {
          resolve({ ok: false, message: error instanceof Error ? error.message : String(error) })
        }
      })
    })
  }

  private runInWorker(path: string, reviewId: number, job: Job): Promise<DedupOutcome> {
    return new Promise((resolve) => {
      const worker = new Worker(new URL('./dedup-worker.js', import.meta.url), {
        workerData: { path, reviewId, actorId: job.actorId },
      })
      let outcome: DedupOutcome = { ok: false, message: 'The deduplication worker stopped without a result.' }
      worker.on('message', (message: DedupMessage) => {
        if (message.type === 'progress')
          job.state = { phase: message.phase, percent: message.percent, counted: message.counted }
        else if (message.type === 'done') outcome = { ok: true, report: message.report }
        else outcome = { ok: false, message: message.message }
      })
      worker.on('error', (error) => (outcome = { ok: false, message: error.message }))
      worker.on('exit', () => resolve(outcome))
    })
  }
}

const registry = new WeakMap<Db, DedupJobs>()

/** The background jobs of one database: one registry per open database, shared by all its requests. */
export function dedupJobs(db: Db): DedupJobs {
  let jobs = registry.get(db)
  if (!jobs) {
    jobs = new DedupJobs(db)
    registry.set(db, jobs)
  }
  return jobs
}
