/**
 * Slows down password guessing: after `maxFailures` failed sign-ins for one email within `windowMs`, that
 * email is locked for `lockMs`. Kept in memory (like Lucia's rate limiter): a restart forgets it, which
 * costs an attacker a restart they cannot cause.
 */
export interface ThrottleOptions {
  maxFailures: number
  windowMs: number
  lockMs: number
  now: () => number
}

interface FailureWindow {
  failures: number
  firstAt: number
  lockedUntil: number
}

export class SignInThrottle {
  readonly #options: ThrottleOptions
  readonly #byKey = new Map<string, FailureWindow>()

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.#options = {
      maxFailures: 5,
      windowMs: 15 * 60_000,
      lockMs: 15 * 60_000,
      now: Date.now,
      ...options,
    }
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const entry = this.#byKey.get(key)
    const now = this.#options.now()
    if (!entry || entry.lockedUntil <= now) return 0
    return Math.ceil((entry.lockedUntil - now) / 1000)
  }

  recordFailure(key: string): void {
    const now = this.#options.now()
    const { windowMs, maxFailures, lockMs } = this.#options
    const entry = this.#byKey.get(key)
    const current = entry && now - entry.firstAt < windowMs ? entry : { failures: 0, firstAt: now, lockedUntil: 0 }
    current.failures += 1
    if (current.failures >= maxFailures) current.lockedUntil = now + lockMs
    this.#byKey.set(key, current)
    if (this.#byKey.size > 10_000) this.#forgetExpired(now)
  }

  recordSuccess(key: string): void {
    this.#byKey.delete(key)
  }

  #forgetExpired(now: number): void {
    for (const [key, entry] of this.#byKey) {
      if (entry.lockedUntil <= now && now - entry.firstAt >= this.#options.windowMs) this.#byKey.delete(key)
    }
  }
}
