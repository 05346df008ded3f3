import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'

/** Where Weft keeps its database: `--db PATH`, else WEFT_DB, else ./data/weft.db. */
export const DEFAULT_DB_PATH = './data/weft.db'

export function databasePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.WEFT_DB ?? DEFAULT_DB_PATH
}

export const DEFAULT_PORT = 3000

/** Stored files (full texts) live beside the database, so one folder holds everything a backup needs. */
export function filesDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'files')
}

/** How the server runs its background work; createApp takes it, tests pass their own. */
export interface WeftConfig {
  /**
   * Worker threads for retraining, feature building, deduplication and imports. 0 runs that work on the
   * request thread between requests (an in-memory database cannot be opened by a second thread).
   */
  workerThreads: number
  /** A review nobody has screened for this long has its rankings and features dropped (rebuilt on demand). */
  rankingIdleMs: number
  /** Quiet time after a reviewer's last vote before their ranking is remade. */
  retrainDelayMs: number
  /** Longest a reviewer voting without pause waits for a fresh ranking. */
  retrainMaxWaitMs: number
}

const MINUTE = 60_000

/** One core answers requests; the others run the pool (at least one worker). */
export function defaultWorkerThreads(): number {
  return Math.max(1, availableParallelism() - 1)
}

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d{1,6}$/.test(value)) throw new Error(`${name}: not a whole number: ${value}`)
  return Number(value)
}

/**
 * The configuration from the environment: WEFT_WORKERS (worker threads; default the cores less one) and
 * WEFT_RANKING_IDLE_MINUTES (default 30).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): WeftConfig {
  return {
    workerThreads: whole(env.WEFT_WORKERS, 'WEFT_WORKERS') ?? defaultWorkerThreads(),
    rankingIdleMs: (whole(env.WEFT_RANKING_IDLE_MINUTES, 'WEFT_RANKING_IDLE_MINUTES') ?? 30) * MINUTE,
    retrainDelayMs: 300,
    retrainMaxWaitMs: 2_000,
  }
}
