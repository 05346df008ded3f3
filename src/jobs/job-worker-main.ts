/**
 * A worker thread of the job pool: its own connection to the database file (WAL lets it write while the
 * server reads), then one job at a time as the request thread sends them (it never sends a second before
 * the first is answered).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/client.ts'
import { JobContext } from './job-context.ts'
import type { JobMessage, JobReply } from './job-types.ts'
import { lowerThreadPriority } from './thread-priority.ts'

lowerThreadPriority()

const port = parentPort!
const context = new JobContext(openDatabase((workerData as { path: string }).path), () => Promise.resolve())
const post = (reply: JobReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer)

/** The typed arrays in a result (a ranking's order and scores), moved to the request thread instead of copied. */
function buffersIn(value: unknown, depth = 0): ArrayBuffer[] {
  if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) return [value.buffer]
  if (depth > 2 || value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap((inner) => buffersIn(inner, depth + 1))
}

port.on('message', async ({ id, kind, input }: JobMessage) => {
  try {
    const output = await context.run(kind, input, (progress) => post({ id, type: 'progress', progress }))
    post({ id, type: 'done', output }, [...new Set(buffersIn(output))])
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
})
