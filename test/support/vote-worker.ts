/**
 * A reviewer voting from a second server process: a thread of its own with its own connection to the
 * database file and its own copy of the app. Says when it is ready, waits for the start, then votes
 * Include on each URL in turn and sends back each answer's status. Started by test/support/race.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/client.ts'
import { createApp } from '../../src/app.tsx'
import { Agent, TEST_HASHER } from './app.ts'

export interface VoterData {
  dbPath: string
  /** The reviewer's session cookie. */
  cookie: string
  /** The test app's clock, so the session and its form tokens are valid here too. */
  now: number
  urls: string[]
}

const data = workerData as VoterData
const db = openDatabase(data.dbPath)
const clock = { now: new Date(data.now), advance: () => {} }
const agent = new Agent({ app: createApp({ db, now: () => clock.now, passwordHasher: TEST_HASHER }), db, clock })
agent.cookie = data.cookie

parentPort!.once('message', async () => {
  const statuses: number[] = []
  for (const url of data.urls) statuses.push((await agent.post(url, { verdict: 'include' })).status)
  db.$client.close()
  parentPort!.postMessage(statuses)
})
parentPort!.postMessage('ready')
