/**
 * PRISMA counts of a review with 100,000 records: the store's GROUP BY queries (prismaFacts) plus the
 * domain's prismaCounts, as the Report page and `weft prisma` run them on every request. The review is
 * realistic in shape: four databases and a register, 12% duplicates, title/abstract decided for most
 * records (some conflicts, some awaiting a second reviewer), and a few thousand reports through retrieval,
 * full text and studies. Screening states are written in bulk with SQL (the bench measures counting, not
 * voting). Median and p95 after a warm-up. Run: node --import tsx test/bench/prisma-counts.ts [records]
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../db/client.ts'
import { prismaCounts } from '../../src/domain/prisma/counts.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { prismaFacts } from '../../src/store/prisma-facts.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createSource } from '../../src/store/sources.ts'
import { createUser } from '../../src/store/users.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000)
const RUNS = 200
const WARM_UP = 20

const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'weft-bench-prisma-')), 'weft.db'))
const owner = await createUser(db, { email: 'owner@bench.org', name: 'Owner', password: 'bench prisma password' }, null)
const review = createReview(db, reviewInput.parse({ title: 'Bench', slug: 'bench' }), {
  ownerId: owner.id,
  actorId: null,
})
const searches = [
  ['MEDLINE', 'database', 0.3],
  ['Embase', 'database', 0.3],
  ['CINAHL', 'database', 0.2],
  ['PsycINFO', 'database', 0.15],
  ['ClinicalTrials.gov', 'register', 0.04],
  ['Reference lists', 'citation', 0.01],
] as const
let seed = 1
for (const [name, kind, share] of searches) {
  const source = createSource(
    db,
    review.id,
    { name, kind, platform: '', dateRun: '', coverage: '', strategy: '', limits: '', filters: '', notes: '' },
    null,
  )
  const chunks = [...syntheticRisChunks(Math.round(RECORDS * share), 500, seed++)]
  const outcome = importReferenceFile(db, {
    reviewId: review.id,
    sourceId: source.id,
    fileName: `${name}.ris`,
    sha256: name,
    sizeBytes: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
    chunks: chunks.values(),
    actorId: null,
  })
  if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`)
}

// Bulk states: every 8th record a duplicate of its neighbour; the rest screened in a fixed pattern.
const sqlite = db.$client
const now = Date.now()
sqlite.transaction(() => {
  sqlite.prepare('update records set duplicate_of = id - 1 where review_id = ? and id % 8 = 0').run(review.id)
  const reasons = sqlite
    .prepare('select id from exclusion_reasons where review_id = ? order by position')
    .all(review.id) as { id: number }[]
  const screened = sqlite
    .prepare(
      `select r.id from records r join sources s on s.id = r.source_id
       where r.review_id = ? and r.duplicate_of is null and s.kind in ('database', 'register') order by r.id`,
    )
    .all(review.id) as { id: number }[]
  const status = sqlite.prepare(
    'insert into screening_status (record_id, stage, review_id, outcome, votes, reason_id, resolved, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?)',
  )
  const report = sqlite.prepare(
    'insert into reports (record_id, review_id, retrieval, study_id, updated_at) values (?, ?, ?, ?, ?)',
  )
  const study = sqlite.prepare('insert into studies (review_id, label, created_at) values (?, ?, ?)')
  screened.forEach(({ id }, i) => {
    if (i % 10 === 9) return // not yet screened
    const outcome = i % 25 === 0 ? 'included' : i % 97 === 0 ? 'conflict' : i % 89 === 0 ? 'pending' : 'excluded'
    status.run(id, 'title_abstract', review.id, outcome, outcome === 'pending' ? 1 : 2, null, now)
    if (outcome !== 'included' || i % 50 === 0) return // every other included record awaits retrieval
    const retrieval = i % 7 === 0 ? 'not_retrieved' : 'retrieved'
    let studyId: number | null = null
    const fullText = i % 3 === 0 ? 'included' : 'excluded'
    if (retrieval === 'retrieved' && fullText === 'included')
      studyId = Number(study.run(review.id, `Study ${id}`, now).lastInsertRowid)
    report.run(id, review.id, retrieval, studyId, now)
    if (retrieval === 'retrieved') {
      status.run(
        id,
        'full_text',
        review.id,
        fullText,
        2,
        fullText === 'excluded' ? reasons[i % reasons.length]!.id : null,
        now,
      )
    }
  })
})()

const times: number[] = []
let counts = prismaCounts(prismaFacts(db, review.id))
for (let i = 0; i < RUNS + WARM_UP; i++) {
  const started = performance.now()
  counts = prismaCounts(prismaFacts(db, review.id))
  times.push(performance.now() - started)
}
if (counts.consistency.status === 'inconsistent')
  throw new Error(`counts disagree: ${counts.consistency.problems.join(' ')}`)
const sorted = times.slice(WARM_UP).sort((a, b) => a - b)
const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2))
console.log(JSON.stringify({ bench: 'prisma_counts', records: RECORDS, median_ms: at(0.5), p95_ms: at(0.95) }))
