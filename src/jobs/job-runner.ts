/**
 * The one background-job runner of the app: retraining rankings, building features, deduplication and
 * imports. On a database file it is a pool of worker threads (sized to the cores by WeftConfig), each
 * with its own connection, so the request thread only reads results. An in-memory database cannot be
 * opened by another thread, so its jobs run inline, one at a time, between requests.
 *
 * Jobs about one review go to the same thread (its affinity), where that review's features are held.
 * Threads start with their first job and are unref'd while idle, so an idle pool never keeps a process
 * alive; `close()` ends them.
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/client.ts'
import { JobContext } from './job-context.ts'
import type { JobKind, JobProgress, JobReply, JobTypes } from './job-types.ts'

interface Queued {
  id: number
  kind: JobKind
  input: unknown
  onProgress: ((progress: JobProgress) => void) | undefined
  resolve: (output: unknown) => void
  reject: (error: Error) => void
}

interface Lane {
  /** Jobs queued or running. */
  readonly pending: number
  submit(job: Queued): void
  close(): Promise<void>
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Jobs on the request thread, one at a time, each after the response in hand has gone out. */
class InlineLane implements Lane {
  pending = 0
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly context: JobContext) {}

  submit(job: Queued): void {
    this.pending += 1
    this.chain = this.chain
      .then(nextTurn)
      .then(() => this.context.run(job.kind, job.input as never, (progress) => job.onProgress?.(progress)))
      .then(job.resolve, (error: unknown) => job.reject(asError(error)))
      .finally(() => (this.pending -= 1))
  }

  async close(): Promise<void> {
    await this.chain
  }
}

/** One worker thread and its queue: it is sent a job only when it has answered the one before. */
class WorkerLane implements Lane {
  private worker: Worker | null = null
  private readonly queue: Queued[] = []
  private current: Queued | null = null

  constructor(private readonly path: string) {}

  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0)
  }

  submit(job: Queued): void {
    this.queue.push(job)
    this.pump()
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    const dropped = [...(this.current ? [this.current] : []), ...this.queue.splice(0)]
    this.current = null
    for (const job of dropped) job.reject(new Error('The background jobs were stopped.'))
    if (worker) await worker.terminate()
  }

  private pump(): void {
    if (this.current) return
    const job = this.queue.shift()
    if (!job) {
      this.worker?.unref()
      return
    }
    this.current = job
    const worker = this.worker ?? this.start()
    worker.ref()
    worker.postMessage({ id: job.id, kind: job.kind, input: job.input })
  }

  private start(): Worker {
    const worker = new Worker(new URL('./job-worker.js', import.meta.url), { workerData: { path: this.path } })
    worker.on('message', (reply: JobReply) => this.answer(reply))
    worker.on('error', (error) => this.lost(worker, error))
    worker.on('exit', (code) => this.lost(worker, new Error(`The background worker stopped (exit code ${code}).`)))
    this.worker = worker
    return worker
  }

  private answer(reply: JobReply): void {
    const job = this.current
    if (!job || job.id !== reply.id) return
    if (reply.type === 'progress') {
      job.onProgress?.(reply.progress)
      return
    }
    this.current = null
    if (reply.type === 'done') job.resolve(reply.output)
    else job.reject(new Error(reply.message))
    this.pump()
  }

  /** The thread died: its job fails, the next job starts a new thread. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return
    this.worker = null
    const job = this.current
    this.current = null
    job?.reject(error)
    this.pump()
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

export interface RunOptions {
  /** Jobs with the same affinity (a review's id) run on the same thread, in the order asked. */
  affinity?: number
  onProgress?: (progress: JobProgress) => void
}

export class JobRunner {
  private readonly lanes: Lane[]
  private readonly lanesByAffinity = new Map<number, Lane>()
  private nextId = 1
  private closed = false
  /** Worker threads in the pool; 0 when jobs run inline. */
  readonly threads: number

  constructor(db: Db, threads: number) {
    const client = db.$client
    this.threads = client.memory ? 0 : threads
    this.lanes =
      this.threads === 0
        ? [new InlineLane(new JobContext(db, nextTurn))]
        : Array.from({ length: this.threads }, () => new WorkerLane(client.name))
  }

  run<K extends JobKind>(
    kind: K,
    input: JobTypes[K]['input'],
    options: RunOptions = {},
  ): Promise<JobTypes[K]['output']> {
    if (this.closed) return Promise.reject(new Error('The background jobs were stopped.'))
    const lane = this.laneFor(options.affinity)
    return new Promise((resolve, reject) =>
      lane.submit({
        id: this.nextId++,
        kind,
        input,
        onProgress: options.onProgress,
        resolve: resolve as (output: unknown) => void,
        reject,
      }),
    )
  }

  /** The same job on every thread (what each holds in memory, say). */
  runOnEach<K extends JobKind>(kind: K, input: JobTypes[K]['input']): Promise<JobTypes[K]['output'][]> {
    if (this.closed) return Promise.reject(new Error('The background jobs were stopped.'))
    return Promise.all(
      this.lanes.map(
        (lane) =>
          new Promise<JobTypes[K]['output']>((resolve, reject) =>
            lane.submit({
              id: this.nextId++,
              kind,
              input,
              onProgress: undefined,
              resolve: resolve as (output: unknown) => void,
              reject,
            }),
          ),
      ),
    )
  }

  /** Stops the threads; jobs still queued fail. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.lanes.map((lane) => lane.close()))
  }

  private laneFor(affinity: number | undefined): Lane {
    const least = (lanes: Lane[], load: (lane: Lane) => number) =>
      lanes.reduce((best, lane) => (load(lane) < load(best) ? lane : best))
    if (affinity === undefined) return least(this.lanes, (lane) => lane.pending)
    let lane = this.lanesByAffinity.get(affinity)
    if (!lane) {
      // A review goes to the thread holding the fewest reviews, so their features spread over the pool.
      const held = (candidate: Lane) => [...this.lanesByAffinity.values()].filter((l) => l === candidate).length
      lane = least(this.lanes, held)
      this.lanesByAffinity.set(affinity, lane)
    }
    return lane
  }
}
