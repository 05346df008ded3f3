/**
 * Screening speed with 100,000 records in a review: server time (app.request, no network) to store a
 * vote and render the next record in one htmx swap, and to render a page of the screening list.
 * Median and p95 after a warm-up. The queue is in relevance order (the default): the bench votes one
 * include and one exclude first, and lets the background retrain finish after each vote, as it does while
 * a reviewer reads the next record; the retrains are timed separately (screen_retrain).
 * Run: node --import tsx test/bench/screening.ts [records]
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../../db/client.ts'
import { sessions } from '../../db/schema.ts'
import { createApp } from '../../src/app.tsx'
import { configFromEnv } from '../../src/config.ts'
import { createServices } from '../../src/services.ts'
import { issueFormToken } from '../../src/http/form-token.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createSource } from '../../src/store/sources.ts'
import { createUser } from '../../src/store/users.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000)
/** `import` measures the import-order queue instead, for comparison. */
const ORDER = process.argv.includes('import') ? 'import' : 'relevance'
const VOTES = 400
const LIST_PAGES = 200
const WARM_UP = 50

const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'weft-bench-screening-')), 'weft.db'))
const password = 'bench screening password'
const owner = await createUser(db, { email: 'owner@bench.org', name: 'Owner', password }, null)
const review = createReview(
  db,
  reviewInput.parse({
    title: 'Bench',
    slug: 'bench',
    includeTerms: 'link work\nsocial prescrib',
    excludeTerms: 'trial',
    screeningOrder: ORDER,
  }),
  {
    ownerId: owner.id,
    actorId: null,
  },
)
const source = createSource(
  db,
  review.id,
  {
    name: 'MEDLINE',
    kind: 'database',
    platform: '',
    dateRun: '',
    coverage: '',
    strategy: '',
    limits: '',
    filters: '',
    notes: '',
  },
  null,
)
const chunks = [...syntheticRisChunks(RECORDS)]
const outcome = importReferenceFile(db, {
  reviewId: review.id,
  sourceId: source.id,
  fileName: 'search.ris',
  sha256: 'bench',
  sizeBytes: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
  chunks: chunks.values(),
  actorId: null,
})
if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`)

const services = createServices(db, configFromEnv(), () => new Date())
const app = createApp({ db, services })
const signIn = await app.request('/sign-in', {
  method: 'POST',
  body: new URLSearchParams({ email: owner.email, password }),
  headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
})
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
const sessionId = cookie.match(/weft_session=([^.;]+)\./)?.[1] ?? ''
const formKey = db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.formKey

function summarise(times: number[]) {
  const sorted = times.slice(WARM_UP).sort((a, b) => a - b)
  const at = (q: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2))
  return { median_ms: at(0.5), p95_ms: at(0.95) }
}

// Screen records one after another, as a reviewer at the keyboard does: each response carries the next.
const base = '/reviews/bench/screening/title-abstract'
const first = await app.request(base, { headers: { cookie } })
let next = Number((await first.text()).match(/\/records\/(\d+)\/vote/)?.[1])
const voteTimes: number[] = []
const retrainTimes: number[] = []
let ranked = 0
// The longest the server could not answer anyone: a retrain runs on the main thread between requests.
const loopDelay = monitorEventLoopDelay({ resolution: 5 })
loopDelay.enable()
for (let i = 0; i < VOTES + WARM_UP; i++) {
  const body = new URLSearchParams({
    verdict: i % 7 === 0 ? 'include' : 'exclude',
    _csrf: issueFormToken(formKey, new Date()),
  })
  const started = performance.now()
  const response = await app.request(`${base}/records/${next}/vote`, {
    method: 'POST',
    body,
    headers: {
      cookie,
      origin: 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    },
  })
  const html = await response.text()
  voteTimes.push(performance.now() - started)
  if (response.status !== 200) throw new Error(`vote answered ${response.status}: ${html.slice(0, 300)}`)
  next = Number(html.match(/\/records\/(\d+)\/vote/)?.[1])
  if (html.includes('(rank ')) ranked++
  const retrainStarted = performance.now()
  await services.ranking.whenIdle()
  retrainTimes.push(performance.now() - retrainStarted)
}
loopDelay.disable()
if (ORDER === 'relevance' && ranked < VOTES)
  throw new Error(`only ${ranked} of ${VOTES + WARM_UP} answers came from a relevance ranking`)
console.log(
  JSON.stringify({ bench: 'screen_next', records: RECORDS, votes: VOTES, order: ORDER, ...summarise(voteTimes) }),
)
// The first retrain also builds the review's text features; the later ones reuse them.
console.log(
  JSON.stringify({
    bench: 'screen_retrain',
    records: RECORDS,
    first_ms: Number(retrainTimes[0]!.toFixed(0)),
    ...summarise(retrainTimes),
    longest_block_ms: Number((loopDelay.max / 1e6).toFixed(0)),
  }),
)

// The list: pages deep into the review (keyset), and a filter that must look past every screened record.
const listTimes: number[] = []
const step = Math.floor(RECORDS / (LIST_PAGES + WARM_UP))
for (let i = 0; i < LIST_PAGES + WARM_UP; i++) {
  const query = i % 2 === 0 ? `after=${i * step}` : `mine=none&after=${i * step}`
  const started = performance.now()
  const response = await app.request(`${base}/list?${query}`, { headers: { cookie } })
  await response.text()
  listTimes.push(performance.now() - started)
  if (response.status !== 200) throw new Error(`list answered ${response.status}`)
}
console.log(JSON.stringify({ bench: 'screen_list', records: RECORDS, pages: LIST_PAGES, ...summarise(listTimes) }))
