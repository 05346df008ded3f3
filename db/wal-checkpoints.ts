/**
 * Checkpoints of the server's write-ahead log, on a thread of their own. SQLite's automatic checkpoint runs
 * inside whichever commit takes the log past 1,000 pages: with 32 KiB pages, one reviewer's vote copies
 * ~32 MB back into the database file while the request thread answers nobody (57–75 ms on a quiet machine,
 * up to ~400 ms seen in the load benchmark's profile on a busy one). The server turns that off on its own
 * connection and this thread checkpoints every second instead. PASSIVE never waits for a lock and no writer
 * waits for it; a checkpoint that readers hold back is finished by a later one.
 */
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

export interface WalCheckpoints {
  /** Stops the thread after one last checkpoint. */
  stop(): Promise<void>
}

export const WAL_CHECKPOINT_INTERVAL_MS = 1_000

export function startWalCheckpoints(
  sqlite: Database.Database,
  intervalMs = WAL_CHECKPOINT_INTERVAL_MS,
): WalCheckpoints {
  if (sqlite.memory) return { stop: () => Promise.resolve() }
  const worker = new Worker(new URL('./wal-checkpoint-worker.js', import.meta.url), {
    workerData: { path: sqlite.name, intervalMs },
  })
  // The thread must not keep a process alive on its own, and must not be left without checkpoints on
  // its death: the server's connection then checkpoints by itself again, as SQLite does by default.
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.once('error', () => undefined)
  void exited.then(() => {
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000')
  })
  sqlite.pragma('wal_autocheckpoint = 0')
  return {
    async stop() {
      // Held until its last checkpoint is done, even when nothing else keeps the process running.
      worker.ref()
      worker.postMessage('stop')
      await exited
    },
  }
}
