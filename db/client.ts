/**
 * Opens Weft's SQLite database and brings its schema up to date. The server, the CLI and every test go
 * through here, so a database is never used with a stale schema.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** The bytes of an in-memory database with every migration applied, made once per process. */
let migratedInMemory: Buffer | undefined

/**
 * A new in-memory database (tests open about a thousand) starts as a copy of one migrated earlier in this
 * process: copying the bytes takes a fraction of a millisecond, reading and applying the migrations ~10 ms.
 */
function newInMemoryDatabase(): Database.Database {
  if (!migratedInMemory) {
    const template = new Database(':memory:')
    migrate(drizzle({ client: template, schema }), { migrationsFolder })
    migratedInMemory = template.serialize()
    template.close()
  }
  return new Database(migratedInMemory)
}

export function openDatabase(path: string) {
  const inMemory = path === ':memory:'
  if (!inMemory) mkdirSync(dirname(path), { recursive: true })
  const sqlite = inMemory ? newInMemoryDatabase() : new Database(path)
  // A new database gets 32 KiB pages (an existing one keeps its own): a record row holds its abstract and
  // its original text (~5 KB), which overflows 4 KiB pages into chains. Importing 100,000 real-shaped
  // records took 6.6–7.2 s of CPU at 4 KiB against 4.4–5.7 s at 32 KiB (same session), and 32 KiB was
  // ~15% cheaper than 16 KiB; a screening vote (a few small rows) was no slower at 32 KiB, where 64 KiB
  // would write twice the bytes per vote for a few per cent more.
  sqlite.pragma('page_size = 32768')
  // WAL lets the screening pages read while an import writes; busy_timeout makes a second process
  // (the CLI next to a running server) wait for the lock instead of failing at once.
  if (!inMemory) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  const db = drizzle({ client: sqlite, schema })
  if (!inMemory) migrate(db, { migrationsFolder })
  // Every transaction takes the write lock as it begins (BEGIN IMMEDIATE), not at its first write. With a
  // second connection on the file (a worker thread, the CLI beside the server), a transaction that had read
  // first could no longer write (SQLITE_BUSY_SNAPSHOT) and failed the person's action; taken up front, the
  // lock is waited for (busy_timeout) and everything the transaction reads is current.
  // A transaction that only reads says so (READ_ONLY, below) and takes no lock.
  const transaction = db.transaction.bind(db)
  db.transaction = (work, config) => transaction(work, { behavior: 'immediate', ...config })
  return db
}

export type Db = ReturnType<typeof openDatabase>

/**
 * For a transaction that only reads (one snapshot for several counts, a job's long read): it takes no write
 * lock, so votes are not held up while it runs. WAL gives it one consistent moment all the same.
 */
export const READ_ONLY = { behavior: 'deferred' } as const

/** A database handle or an open transaction: store helpers that join a caller's transaction take this. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0]
