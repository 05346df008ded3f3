import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RetrainScheduler } from '../../../src/ranking/retrain-scheduler.ts'

describe('retrain scheduler', () => {
  const runs: string[] = []
  const errors: string[] = []
  const scheduler = () =>
    new RetrainScheduler<string>(
      (key, job) => {
        runs.push(`${key}=${job}`)
      },
      { delayMs: 300, maxWaitMs: 2_000 },
      (_error, key) => errors.push(key),
    )

  beforeEach(() => {
    runs.length = 0
    errors.length = 0
    // setImmediate stays real: the scheduler yields to it between retrains.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => vi.useRealTimers())

  it('folds a burst of requests for one key into one retrain with the latest job, after a quiet moment', async () => {
    const retrains = scheduler()
    retrains.schedule('review 1', 'first vote')
    vi.advanceTimersByTime(200)
    retrains.schedule('review 1', 'second vote')
    retrains.schedule('review 2', 'a vote')
    vi.advanceTimersByTime(250)
    await new Promise((resolve) => setImmediate(resolve))
    expect(runs).toEqual([])
    vi.advanceTimersByTime(50)
    await retrains.whenIdle()
    expect(runs).toEqual(['review 1=second vote', 'review 2=a vote'])
  })

  it('retrains within the longest wait however steadily the requests keep coming', async () => {
    const retrains = scheduler()
    for (let elapsed = 0; elapsed < 2_000; elapsed += 100) {
      retrains.schedule('review 1', `vote at ${elapsed} ms`)
      vi.advanceTimersByTime(100)
    }
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setImmediate(resolve))
    expect(runs).toEqual(['review 1=vote at 1900 ms'])
  })

  it('runs what waits at once when asked to become idle, and reports a failed retrain without stopping the others', async () => {
    const retrains = new RetrainScheduler<string>(
      (key) => {
        if (key === 'broken') throw new Error('closed')
        runs.push(key)
      },
      { delayMs: 300, maxWaitMs: 2_000 },
      (_error, key) => errors.push(key),
    )
    retrains.schedule('broken', 'x')
    retrains.schedule('fine', 'y')
    expect(retrains.isWaiting('fine')).toBe(true)
    await retrains.whenIdle()
    expect(runs).toEqual(['fine'])
    expect(errors).toEqual(['broken'])
    expect(retrains.isWaiting('fine')).toBe(false)
  })
})
