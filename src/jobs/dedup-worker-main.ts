/**
 * The deduplication worker thread: its own connection to the database file, so comparing 100,000
 * records never holds up the server's event loop. It reads a snapshot, compares, and writes the result in
 * one transaction; if the review changed meanwhile it reads again (see saveDedupResult).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/client.ts'
import { compareDedupWork, loadDedupWork, saveDedupResult } from '../store/duplicates.ts'
import { runDedupAttempts, type DedupJobInput, type DedupMessage } from './dedup-run.ts'

const input = workerData as DedupJobInput
const post = (message: DedupMessage) => parentPort?.postMessage(message)
const db = openDatabase(input.path)
try {
  const report = runDedupAttempts(
    {
      load: (onRead) => loadDedupWork(db, input.reviewId, onRead),
      compare: compareDedupWork,
      save: (work, result) => saveDedupResult(db, work, result, input.actorId),
    },
    (phase, percent, counted) => post({ type: 'progress', phase, percent, ...(counted ? { counted } : {}) }),
  )
  post({ type: 'done', report })
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) })
} finally {
  db.$client.close()
}
