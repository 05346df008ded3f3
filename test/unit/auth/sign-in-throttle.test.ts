import { describe, expect, it } from 'vitest'
import { SignInThrottle } from '../../../src/auth/sign-in-throttle.ts'

function throttleAt(start = 0) {
  const clock = { now: start }
  const throttle = new SignInThrottle({ maxFailures: 3, windowMs: 60_000, lockMs: 120_000, now: () => clock.now })
  return { throttle, clock }
}

describe('sign-in throttle', () => {
  it('locks an email after the allowed number of failures, then lets it try again', () => {
    const { throttle, clock } = throttleAt()
    throttle.recordFailure('a@example.org')
    throttle.recordFailure('a@example.org')
    expect(throttle.retryAfterSeconds('a@example.org')).toBe(0)
    throttle.recordFailure('a@example.org')
    expect(throttle.retryAfterSeconds('a@example.org')).toBe(120)
    expect(throttle.retryAfterSeconds('b@example.org')).toBe(0)
    clock.now += 120_000
    expect(throttle.retryAfterSeconds('a@example.org')).toBe(0)
  })

  it('forgets failures older than the window', () => {
    const { throttle, clock } = throttleAt()
    throttle.recordFailure('a@example.org')
    throttle.recordFailure('a@example.org')
    clock.now += 61_000
    throttle.recordFailure('a@example.org')
    expect(throttle.retryAfterSeconds('a@example.org')).toBe(0)
  })

  it('clears the count after a successful sign-in', () => {
    const { throttle } = throttleAt()
    throttle.recordFailure('a@example.org')
    throttle.recordFailure('a@example.org')
    throttle.recordSuccess('a@example.org')
    throttle.recordFailure('a@example.org')
    expect(throttle.retryAfterSeconds('a@example.org')).toBe(0)
  })
})
