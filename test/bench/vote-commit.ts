/**
 * `vote_commit`: how long one reviewer's vote-sized commit (three small rows in indexed tables, on 32 KiB
 * pages in WAL mode, as the server's database has them) holds the request thread, 3,000 commits in a row.
 * Two ways, interleaved in this process three times each: SQLite's own checkpoint inside whichever commit
 * takes the log past 1,000 pages (the default), and the server's checkpoint thread (db/wal-checkpoints.ts)
 * with the connection's own checkpoints off. One JSON line each: medians over the rounds of the median,
 * p99 and longest commit, and of the commits over 50 ms. Run: node --import tsx test/bench/vote-commit.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/client.ts'
import { startWalCheckpoints } from '../../db/wal-checkpoints.ts'

const COMMITS = 3_000
const ROUNDS = 3
const STALL_MS = 50

type Way = 'checkpoint_in_commit' | 'checkpoint_thread'

async function round(way: Way) {
  const folder = mkdtempSync(join(tmpdir(), 'weft-bench-commit-'))
  const db = openDatabase(join(folder, 'weft.db'))
  const sqlite = db.$client
  sqlite.exec('CREATE TABLE votes (id INTEGER PRIMARY KEY, record INTEGER, reviewer INTEGER, verdict TEXT)')
  sqlite.exec('CREATE INDEX votes_record ON votes (record, reviewer)')
  sqlite.exec('CREATE INDEX votes_verdict ON votes (verdict, record)')
  const insert = sqlite.prepare('INSERT INTO votes (record, reviewer, verdict) VALUES (?, ?, ?)')
  // A review's worth of votes already there, so each commit dirties pages spread over the indexes.
  db.transaction(() => {
    for (let i = 0; i < 200_000; i++) insert.run(i % 100_000, i % 20, `v${(i * 7919) % 100_003}`)
  })
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const checkpoints = way === 'checkpoint_thread' ? startWalCheckpoints(sqlite) : null
  const times: number[] = []
  for (let i = 0; i < COMMITS; i++) {
    const started = performance.now()
    db.transaction(() => {
      for (let k = 0; k < 3; k++) insert.run((i * 31 + k * 17) % 100_000, k, `v${(i * 104_729 + k) % 100_003}`)
    })
    times.push(performance.now() - started)
    // Between votes the request thread is free: the checkpoint thread gets its turn, as in the server.
    if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve))
  }
  await checkpoints?.stop()
  sqlite.close()
  rmSync(folder, { recursive: true, force: true })
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!
  return { median: at(0.5), p99: at(0.99), max: times.at(-1)!, stalls: times.filter((t) => t > STALL_MS).length }
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const results: Record<Way, Awaited<ReturnType<typeof round>>[]> = { checkpoint_in_commit: [], checkpoint_thread: [] }
for (let r = 0; r < ROUNDS; r++) {
  for (const way of ['checkpoint_in_commit', 'checkpoint_thread'] as const) results[way].push(await round(way))
}
for (const [way, rounds] of Object.entries(results)) {
  console.log(
    JSON.stringify({
      bench: 'vote_commit',
      way,
      commits: COMMITS,
      rounds: ROUNDS,
      median_ms: Number(middle(rounds.map((r) => r.median)).toFixed(2)),
      p99_ms: Number(middle(rounds.map((r) => r.p99)).toFixed(2)),
      longest_ms: Number(middle(rounds.map((r) => r.max)).toFixed(1)),
      longest_of_all_ms: Number(Math.max(...rounds.map((r) => r.max)).toFixed(1)),
      commits_over_50_ms: middle(rounds.map((r) => r.stalls)),
    }),
  )
}
