/**
 * Real concurrency for tests: one reviewer votes from the test's own thread, another from a worker thread
 * with its own connection to the same database file (test/support/vote-worker.ts), both starting at once.
 * Requests inside one process never interleave inside a transaction (better-sqlite3 is synchronous);
 * these do, as two server processes, or the CLI beside a server, would.
 */
import { Worker } from 'node:worker_threads'
import type { Agent } from './app.ts'
import type { VoterData } from './vote-worker.ts'

/** Each side votes Include on its URLs in turn; resolves to each side's statuses, here first. */
export async function voteAtOnce(here: { agent: Agent; urls: string[] }, there: VoterData): Promise<number[][]> {
  const worker = new Worker(new URL('./vote-worker.js', import.meta.url), { workerData: there })
  try {
    const messages = nextMessages(worker)
    if ((await messages.next()) !== 'ready') throw new Error('the voter thread did not start')
    worker.postMessage('go')
    const hereStatuses: number[] = []
    for (const url of here.urls) hereStatuses.push((await here.agent.post(url, { verdict: 'include' })).status)
    return [hereStatuses, (await messages.next()) as number[]]
  } finally {
    await worker.terminate()
  }
}

/** The worker's messages one at a time; its failure rejects the next one. */
function nextMessages(worker: Worker): { next: () => Promise<unknown> } {
  const queue: unknown[] = []
  let waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null
  let failure: Error | null = null
  worker.on('message', (message) => (waiting ? waiting.resolve(message) : queue.push(message)))
  const fail = (error: Error) => {
    failure = error
    waiting?.reject(error)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`the voter thread stopped (exit code ${code})`)))
  return {
    next: () => {
      if (queue.length > 0) return Promise.resolve(queue.shift())
      if (failure) return Promise.reject(failure)
      return new Promise((resolve, reject) => {
        waiting = {
          resolve: (value) => {
            waiting = null
            resolve(value)
          },
          reject,
        }
      })
    },
  }
}
