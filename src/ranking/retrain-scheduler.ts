/**
 * Runs retrains off the request that asked for them. Requests for the same key that arrive while one is
 * waiting fold into it (a burst of votes costs one retrain); the wait restarts with each request but never
 * exceeds `maxWaitMs`, so a reviewer voting without pause still gets a fresh ranking every few seconds.
 * `whenIdle()` runs whatever is waiting at once and resolves when nothing is left: what tests and benches
 * await instead of sleeping.
 */

export interface SchedulerTimings {
  /** Quiet time after the last request before the retrain runs. */
  delayMs: number
  /** Longest a request waits, however many follow it. */
  maxWaitMs: number
}

export class RetrainScheduler<Job> {
  private readonly waiting = new Map<string, Job>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private firstWaitingAt = 0
  private running: Promise<void> | null = null

  constructor(
    private readonly run: (key: string, job: Job) => void | Promise<void>,
    private readonly timings: SchedulerTimings,
    private readonly onError: (error: unknown, key: string) => void,
  ) {}

  /** Asks for `job` to run once the requests for its key have settled; a later job for the same key replaces it. */
  schedule(key: string, job: Job): void {
    if (this.waiting.size === 0) this.firstWaitingAt = Date.now()
    this.waiting.set(key, job)
    if (this.running) return // the running batch re-arms the timer when it ends
    this.arm()
  }

  isWaiting(key: string): boolean {
    return this.waiting.has(key)
  }

  /** Runs what is waiting now and resolves once nothing is waiting or running. */
  async whenIdle(): Promise<void> {
    while (this.running || this.waiting.size > 0) {
      if (this.running) await this.running
      else this.start()
    }
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer)
    const waited = Date.now() - this.firstWaitingAt
    this.timer = setTimeout(
      () => this.start(),
      Math.max(0, Math.min(this.timings.delayMs, this.timings.maxWaitMs - waited)),
    )
    // A pending retrain must not keep a CLI command or a test process alive.
    this.timer.unref?.()
  }

  private start(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = [...this.waiting]
    this.waiting.clear()
    this.running = (async () => {
      for (const [key, job] of batch) {
        // One job per macrotask: requests that arrived meanwhile are answered between retrains.
        await new Promise<void>((resolve) => setImmediate(resolve))
        try {
          await this.run(key, job)
        } catch (error) {
          this.onError(error, key)
        }
      }
    })()
    void this.running.then(() => {
      this.running = null
      if (this.waiting.size > 0) {
        this.firstWaitingAt = Date.now()
        this.arm()
      }
    })
  }
}
