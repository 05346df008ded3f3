/**
 * Votes while a big import is stored (issue 18): a 100,000-record RIS file (bench shape, LF, 268 MB) is
 * imported on the job pool's worker thread, as an upload is, while the request thread casts a vote every
 * 20 ms on another review's records, each vote its own write transaction. Each vote's time is how long
 * it waited for the write lock plus its own work. The longest wait is the longest the import held the
 * lock at once.
 * Run: node --import tsx test/bench/import-vote-wait.ts [records]
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { openDatabase } from '../../db/client.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { JobRunner } from '../../src/jobs/job-runner.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { castVote } from '../../src/store/screening-votes.ts'
import { createSource } from '../../src/store/sources.ts'
import { createUser } from '../../src/store/users.ts'
import { importOnPool } from '../support/import-on-pool.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = Number(process.argv[2] ?? 100_000)
const VOTE_EVERY_MS = 20
const folder = mkdtempSync(join(tmpdir(), 'weft-bench-vote-wait-'))

function writeFile(path: string, chunks: Iterable<Uint8Array>): void {
  const fd = openSync(path, 'w')
  for (const chunk of chunks) writeSync(fd, chunk)
  closeSync(fd)
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0
}

const round = (ms: number) => Math.round(ms * 10) / 10

try {
  const file = join(folder, 'search.ris')
  writeFile(file, syntheticRisChunks(RECORDS))
  const small = join(folder, 'small.ris')
  writeFile(small, syntheticRisChunks(3_000))
  const db = openDatabase(join(folder, 'weft.db'))
  const user = await createUser(db, { email: 'bench@example.org', name: 'Bench', password: 'correct horse' }, null)
  const make = (slug: string) =>
    createReview(db, reviewInput.parse({ title: slug, slug }), { ownerId: user.id, actorId: null })
  const screened = make('screened')
  const imported = make('imported')
  const blank = { platform: '', dateRun: '', coverage: '', strategy: '', limits: '', filters: '', notes: '' }
  const source = createSource(db, screened.id, { ...blank, name: 'MEDLINE', kind: 'database' }, null)
  const seeded = importReferenceFile(db, {
    reviewId: screened.id,
    sourceId: source.id,
    fileName: 'small.ris',
    sha256: 'small',
    sizeBytes: statSync(small).size,
    chunks: syntheticRisChunks(3_000),
    actorId: null,
  })
  if (seeded.status !== 'imported') throw new Error('seeding failed')
  const recordIds = db.$client
    .prepare('select id from records where review_id = ? order by id')
    .pluck()
    .all(screened.id) as number[]

  const jobs = new JobRunner(db, 1)
  const started = performance.now()
  let done = false
  const importing = importOnPool(jobs, imported.id, file, 'MEDLINE').finally(() => (done = true))
  const vote = (recordId: number) =>
    castVote(db, {
      reviewId: screened.id,
      recordId,
      stage: 'title_abstract',
      reviewerId: user.id,
      verdict: 'include',
      reasonId: null,
      note: '',
      via: 'web',
      at: new Date(),
    })
  const waits: number[] = []
  let failed = 0
  while (!done && waits.length < recordIds.length) {
    const at = performance.now()
    try {
      vote(recordIds[waits.length]!)
    } catch {
      // The lock was not free within busy_timeout (5 s): the reviewer's vote failed.
      failed += 1
    }
    waits.push(performance.now() - at)
    await sleep(VOTE_EVERY_MS)
  }
  const outcome = await importing
  const seconds = (performance.now() - started) / 1000
  await jobs.close()
  db.$client.close()
  if (outcome.status !== 'imported') throw new Error(`the import failed: ${outcome.status}`)
  console.log(
    JSON.stringify({
      bench: 'import_vote_wait',
      shape: 'bench LF',
      records: RECORDS,
      import_seconds: Math.round(seconds * 100) / 100,
      votes: waits.length,
      median_ms: round(percentile(waits, 0.5)),
      p95_ms: round(percentile(waits, 0.95)),
      max_ms: round(Math.max(...waits)),
      failed,
      load_average: Math.round(loadavg()[0]! * 10) / 10,
    }),
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
