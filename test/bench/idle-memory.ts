/**
 * Memory per review (issue 18): 20 reviews of 100,000 records (the synthetic RIS records, copied with
 * their title, abstract, authors and keywords but without the export text, to spare ~5 GB of disk), each
 * opened once by a reviewer in relevance order (an include and an exclude, then the queue): its features
 * are built and a ranking made on the job pool. Prints the process's RSS (request thread and worker
 * thread together) before, with all 20 held, and after the reviews went idle and were dropped (the
 * app's clock moved past WeftConfig.rankingIdleMs), and the time to rebuild one review on demand.
 * Run: node --expose-gc --import tsx test/bench/idle-memory.ts [records-per-review]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { asc, eq } from 'drizzle-orm'
import { openDatabase } from '../../db/client.ts'
import { records, reviews, users } from '../../db/schema.ts'
import { configFromEnv } from '../../src/config.ts'
import { createServices } from '../../src/services.ts'
import { castVote } from '../../src/store/screening-votes.ts'
import { seedManyReviews } from './support/many-reviews.ts'

const RECORDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000)
const REVIEWS = 20

const folder = mkdtempSync(join(tmpdir(), 'weft-bench-idle-'))
const db = openDatabase(join(folder, 'weft.db'))
const seeded = await seedManyReviews(db, {
  reviews: REVIEWS,
  records: RECORDS,
  reviewers: REVIEWS,
  keepOriginalText: false,
})

let now = new Date('2026-12-01T09:00:00Z')
const config = configFromEnv()
const services = createServices(db, config, () => now)
const rssMb = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return Math.round(process.memoryUsage().rss / 1e6)
}

/** A reviewer opens the review's queue once, after an include and an exclude, and the ranking is made. */
async function open(slug: string, email: string) {
  const review = db.select().from(reviews).where(eq(reviews.slug, slug)).get()!
  const reviewerId = db.select().from(users).where(eq(users.email, email)).get()!.id
  const [first, second] = db
    .select({ id: records.id })
    .from(records)
    .where(eq(records.reviewId, review.id))
    .orderBy(asc(records.id))
    .limit(2)
    .all()
  for (const [recordId, verdict] of [
    [first!.id, 'include'],
    [second!.id, 'exclude'],
  ] as const) {
    const vote = { reviewId: review.id, recordId, stage: 'title_abstract', reviewerId, verdict } as const
    castVote(db, { ...vote, reasonId: null, note: '', via: 'web', at: now })
  }
  const position = { review, stage: 'title_abstract', reviewerId, after: 0 } as const
  services.ranking.nextRecord(position)
  await services.ranking.whenIdle()
}

const before = rssMb()
const opening = performance.now()
for (const { slug, email } of seeded.reviewers) await open(slug, email)
const openSeconds = (performance.now() - opening) / 1000
const held = await services.ranking.held()
const heldHeap = await services.ranking.poolHeapMb()
const allHeld = rssMb()

now = new Date(now.getTime() + config.rankingIdleMs + 60_000)
const dropped = services.ranking.forgetIdle().length
const afterForget = await services.ranking.held()
const droppedHeap = await services.ranking.poolHeapMb()
await sleep(2_000)
const afterDrop = rssMb()

const rebuilding = performance.now()
await open(seeded.reviewers[0]!.slug, seeded.reviewers[0]!.email)
const rebuildSeconds = (performance.now() - rebuilding) / 1000

console.log(
  JSON.stringify({
    bench: 'idle_memory',
    reviews: REVIEWS,
    records_per_review: RECORDS,
    worker_threads: services.jobs.threads,
    rss_before_mb: before,
    rss_20_reviews_held_mb: allHeld,
    held,
    worker_heap_held_mb: heldHeap,
    open_all_seconds: Number(openSeconds.toFixed(1)),
    reviews_dropped_when_idle: dropped,
    held_after_idle: afterForget,
    rss_after_idle_drop_mb: afterDrop,
    worker_heap_after_drop_mb: droppedHeap,
    rebuild_one_review_seconds: Number(rebuildSeconds.toFixed(2)),
  }),
)
await services.close()
db.$client.close()
rmSync(folder, { recursive: true, force: true })
