/**
 * Server time for the retrieval list in a review of 100,000 records, 5,000 of them included at
 * title/abstract and 1,000 found by other methods (app.request, no network): the first page, a filtered
 * page deep in the list, and storing a retrieval decision with the htmx answer. Median and p95.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inArray } from 'drizzle-orm'
import { openDatabase } from '../../db/client.ts'
import { records, screeningStatus } from '../../db/schema.ts'
import { createApp } from '../../src/app.tsx'
import { reviewInput } from '../../src/input/review-input.ts'
import { issueFormToken } from '../../src/http/form-token.ts'
import { importIntoSource } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createUser } from '../../src/store/users.ts'
import { sessions } from '../../db/schema.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = 100_000
const INCLUDED_EVERY = 20
const OTHER_METHODS = 1_000
const folder = mkdtempSync(join(tmpdir(), 'weft-bench-retrieval-'))
const db = openDatabase(join(folder, 'weft.db'))
const owner = await createUser(
  db,
  { email: 'bench@example.org', name: 'Bench', password: 'correct horse battery' },
  null,
)
const review = createReview(db, reviewInput.parse({ title: 'Bench', slug: 'bench' }), {
  ownerId: owner.id,
  actorId: null,
})

function load(name: string, kind: 'database' | 'website', count: number, seed: number): void {
  const outcome = importIntoSource(db, {
    reviewId: review.id,
    source: { newSource: { name, kind } },
    fileName: `${name}.ris`,
    sha256: name,
    sizeBytes: 0,
    chunks: syntheticRisChunks(count, 500, seed),
    actorId: null,
  })
  if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`)
}
load('MEDLINE', 'database', RECORDS - OTHER_METHODS, 42)
load('Charity websites', 'website', OTHER_METHODS, 7)

const ids = db
  .select({ id: records.id })
  .from(records)
  .where(inArray(records.sourceId, [1]))
  .all()
  .map((row) => row.id)
const now = new Date()
db.transaction((tx) => {
  for (const [index, id] of ids.entries()) {
    const outcome = index % INCLUDED_EVERY === 0 ? 'included' : 'excluded'
    tx.insert(screeningStatus)
      .values({ recordId: id, stage: 'title_abstract', reviewId: review.id, outcome, votes: 2, updatedAt: now })
      .run()
  }
})

const app = createApp({ db, filesDir: join(folder, 'files') })
const signIn = await app.request('/sign-in', {
  method: 'POST',
  body: new URLSearchParams({ email: 'bench@example.org', password: 'correct horse battery' }),
  headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
})
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
const formKey = db.select().from(sessions).get()!.formKey

type Request = (i: number) => Promise<Response> | Response

async function measure(request: Request, runs: number) {
  const times: number[] = []
  for (let i = 0; i < runs + 20; i++) {
    const start = performance.now()
    const response = await request(i)
    await response.text()
    if (response.status >= 400) throw new Error(`answered ${response.status}`)
    if (i >= 20) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2))
  return { median_ms: at(0.5), p95_ms: at(0.95) }
}

const get =
  (path: string): Request =>
  () =>
    app.request(path, { headers: { cookie } })
const middle = ids[Math.floor(ids.length / 2)]!
const included = ids.filter((_, index) => index % INCLUDED_EVERY === 0)
const mark: Request = (i) =>
  app.request(`/reviews/bench/reports/${included[i]}/not-retrieved`, {
    method: 'POST',
    body: new URLSearchParams({ note: 'Not held', _csrf: issueFormToken(formKey, new Date()) }),
    headers: {
      cookie,
      origin: 'http://localhost',
      'content-type': 'application/x-www-form-urlencoded',
      'HX-Request': 'true',
      'HX-Request-Type': 'partial',
    },
  })

const figures = { records: RECORDS, sought: included.length + OTHER_METHODS }
console.log(
  JSON.stringify({
    bench: 'retrieval_list',
    ...figures,
    requests: 200,
    ...(await measure(get('/reviews/bench/retrieval'), 200)),
  }),
)
console.log(
  JSON.stringify({
    bench: 'retrieval_list_deep',
    ...figures,
    requests: 200,
    ...(await measure(get(`/reviews/bench/retrieval?state=awaiting&after=${middle}`), 200)),
  }),
)
console.log(JSON.stringify({ bench: 'retrieval_mark', ...figures, requests: 200, ...(await measure(mark, 200)) }))
db.$client.close()
rmSync(folder, { recursive: true, force: true })
