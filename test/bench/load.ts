/**
 * Many reviewers at once (issue 18): 5 reviews of 100,000 records (the synthetic RIS export), relevance
 * order on, two reviewers per record, blind; the server in its own process on 127.0.0.1 and simulated
 * reviewers voting over HTTP, each reading a card for 2–6 s (uniform; faster than people, who take 5–30 s
 * a title/abstract) before voting; each vote's answer carries the next record, as in the browser.
 *
 * First 20 reviewers for 90 s from a cold start (the server builds the five reviews' features meanwhile),
 * then 30, 40, 60 and 80 for 30 s each until the p95 passes 100 ms. Prints, as JSON lines: vote→next median
 * and p95 per step, the server's longest event-loop stall and peak RSS, the reviewer count at which p95
 * passes 100 ms, and the votes stored against the votes answered (each audited once; the bench fails
 * otherwise). Run: node --import tsx test/bench/load.ts [records-per-review] [quick]; with PROF=DIR in the
 * environment the server writes a CPU profile (node --cpu-prof) into DIR, to see what held its thread.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { openDatabase } from '../../db/client.ts'
import { seededRandom } from '../support/seeded-random.ts'
import type { LoadServerStats } from './support/load-server.ts'
import { seedManyReviews } from './support/many-reviews.ts'

const RECORDS = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000)
const REVIEWS = 5
/** `quick`: seconds instead of minutes, to try the bench itself. */
const QUICK = process.argv.includes('quick')
const MAIN = { reviewers: 20, seconds: QUICK ? 15 : 90 }
const STEPS = [30, 40, 60, 80]
const STEP_SECONDS = QUICK ? 5 : 30
const THINK_MS = [2_000, 6_000] as const
const TARGET_P95_MS = 100

const folder = mkdtempSync(join(tmpdir(), 'weft-bench-load-'))
const dbPath = join(folder, 'weft.db')
const seeding = performance.now()
const db = openDatabase(dbPath)
const seeded = await seedManyReviews(db, {
  reviews: REVIEWS,
  records: RECORDS,
  reviewers: Math.max(...STEPS, MAIN.reviewers),
  keepOriginalText: true,
})
db.$client.close()
console.error(`seeded ${REVIEWS} × ${RECORDS} records in ${((performance.now() - seeding) / 1000).toFixed(0)} s`)

// --- the server process -------------------------------------------------------------------------------
const watched = (arg: string): ChildProcess =>
  fork(join(import.meta.dirname, 'support/load-server.ts'), [arg], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env['PROF'] && arg !== '--idle' ? ['--cpu-prof', '--cpu-prof-dir', process.env['PROF']] : []),
    ],
  })
const server = watched(dbPath)
const baseline = watched('--idle')
function ask<T>(type: string, child = server): Promise<T> {
  return new Promise((resolve) => {
    const answer = (message: { type: string } & T) => {
      if (message.type !== type) return
      child.off('message', answer)
      resolve(message)
    }
    child.on('message', answer)
    if (type !== 'ready') child.send({ type })
  })
}
const { port } = await ask<{ port: number }>('ready')
await ask('ready', baseline)
const origin = `http://127.0.0.1:${port}`

// --- simulated reviewers -------------------------------------------------------------------------------
interface Reviewer {
  email: string
  queue: string
  cookie: string
  html: string
  random: () => number
  votes: number
}

const HTMX = { 'HX-Request': 'true', 'HX-Request-Type': 'partial' }

async function signIn(email: string, slug: string, index: number): Promise<Reviewer> {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ email, password: seeded.password }),
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
  })
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
  if (response.status !== 303 || !cookie) throw new Error(`sign-in of ${email} answered ${response.status}`)
  const queue = `${origin}/reviews/${slug}/screening/title-abstract`
  const html = await (await fetch(queue, { headers: { cookie } })).text()
  return { email, queue, cookie, html, random: seededRandom(1000 + index), votes: 0 }
}

function nextVote(html: string): { recordId: number; token: string } | null {
  const recordId = Number(html.match(/\/records\/(\d+)\/vote/)?.[1])
  if (!recordId) return null
  const after = html.slice(html.indexOf(`/records/${recordId}/vote`))
  const token = after.match(/name="_csrf" value="([^"]+)"/)?.[1]
  return token ? { recordId, token } : null
}

interface Answered {
  ms: number
  status: number
}

const accepted = new Set<string>()
const refused = { count: 0 }

async function vote(reviewer: Reviewer): Promise<Answered | null> {
  let next = nextVote(reviewer.html)
  if (!next) {
    reviewer.html = await (await fetch(reviewer.queue, { headers: { cookie: reviewer.cookie } })).text()
    next = nextVote(reviewer.html)
    if (!next) return null
  }
  // The first two votes are an include and an exclude, so the ranking can learn; then about one in ten.
  const include = reviewer.votes === 0 || (reviewer.votes > 1 && reviewer.random() < 0.1)
  const started = performance.now()
  const response = await fetch(`${reviewer.queue}/records/${next.recordId}/vote`, {
    method: 'POST',
    body: new URLSearchParams({ verdict: include ? 'include' : 'exclude', _csrf: next.token }),
    headers: { cookie: reviewer.cookie, origin, 'content-type': 'application/x-www-form-urlencoded', ...HTMX },
  })
  reviewer.html = await response.text()
  const ms = performance.now() - started
  if (response.status === 200) {
    reviewer.votes += 1
    accepted.add(`${reviewer.email}:${next.recordId}`)
  } else if (response.status === 409) {
    // Two others voted on the record meanwhile (two reviewers per record): refused, nothing stored; the
    // reviewer asks the queue again.
    refused.count += 1
    reviewer.html = ''
  } else {
    throw new Error(`vote answered ${response.status}: ${reviewer.html.slice(0, 300)}`)
  }
  return { ms, status: response.status }
}

async function screen(reviewer: Reviewer, until: number, answered: Answered[]) {
  while (performance.now() < until) {
    const [low, high] = THINK_MS
    await sleep(Math.min(low + reviewer.random() * (high - low), Math.max(0, until - performance.now())))
    if (performance.now() >= until) return
    const answer = await vote(reviewer)
    if (!answer) return
    answered.push(answer)
  }
}

function percentile(sorted: number[], q: number): number {
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1))
}

/** Each step's server figures start from zero; the longest stall is kept over the whole run. */
let longestStall = { server: 0, idle: 0, gc: 0 }
async function serverFigures() {
  const server = (await ask<{ stats: LoadServerStats }>('stats')).stats
  const idle = (await ask<{ stats: LoadServerStats }>('stats', baseline)).stats
  longestStall = {
    server: Math.max(longestStall.server, server.maxStallMs),
    idle: Math.max(longestStall.idle, idle.maxStallMs),
    gc: Math.max(longestStall.gc, server.longestGcMs),
  }
  await ask('reset')
  await ask('reset', baseline)
  return { server, idle }
}

async function phase(reviewers: Reviewer[], seconds: number) {
  const answered: Answered[] = []
  const until = performance.now() + seconds * 1000
  await Promise.all(reviewers.map((reviewer) => screen(reviewer, until, answered)))
  const sorted = answered
    .filter((answer) => answer.status === 200)
    .map((answer) => answer.ms)
    .sort((a, b) => a - b)
  const { server, idle } = await serverFigures()
  return {
    votes: sorted.length,
    refused_409: answered.length - sorted.length,
    median_ms: percentile(sorted, 0.5),
    p95_ms: percentile(sorted, 0.95),
    max_stall_ms: Number(server.maxStallMs.toFixed(1)),
    idle_process_max_stall_ms: Number(idle.maxStallMs.toFixed(1)),
    longest_gc_pause_ms: Number(server.longestGcMs.toFixed(1)),
    request_thread_busy: Number(server.requestThreadBusy.toFixed(3)),
    server_cpu_ms_per_answer: Number(((server.cpuSeconds * 1000) / Math.max(1, answered.length)).toFixed(1)),
    peak_rss_mb: server.peakRssMb,
  }
}

// --- the run -------------------------------------------------------------------------------------------
const reviewers: Reviewer[] = []
for (let i = 0; i < seeded.reviewers.length; i += 4) {
  const batch = seeded.reviewers.slice(i, i + 4)
  reviewers.push(...(await Promise.all(batch.map(({ email, slug }, k) => signIn(email, slug, i + k)))))
}
await ask('reset')
await ask('reset', baseline)
const shape = { reviews: REVIEWS, records_per_review: RECORDS, think_ms: THINK_MS }

const main = await phase(reviewers.slice(0, MAIN.reviewers), MAIN.seconds)
console.log(
  JSON.stringify({ bench: 'load_vote_next', reviewers: MAIN.reviewers, seconds: MAIN.seconds, ...shape, ...main }),
)

let passedAt: number | null = main.p95_ms > TARGET_P95_MS ? MAIN.reviewers : null
for (const count of STEPS) {
  if (passedAt !== null) break
  const step = await phase(reviewers.slice(0, count), STEP_SECONDS)
  console.log(JSON.stringify({ bench: 'load_step', reviewers: count, seconds: STEP_SECONDS, ...shape, ...step }))
  if (step.p95_ms > TARGET_P95_MS) passedAt = count
}
const { server: stats } = await serverFigures()
console.log(
  JSON.stringify({
    bench: 'load_capacity',
    ...shape,
    p95_passes_100ms_at_reviewers: passedAt ?? `more than ${STEPS.at(-1)}`,
    max_stall_ms: Number(longestStall.server.toFixed(1)),
    idle_process_max_stall_ms: Number(longestStall.idle.toFixed(1)),
    longest_gc_pause_ms: Number(longestStall.gc.toFixed(1)),
    peak_rss_mb: stats.peakRssMb,
  }),
)
for (const child of [server, baseline]) {
  child.send({ type: 'stop' })
  await new Promise((resolve) => child.once('exit', resolve))
}

// --- every answered vote stored once, and audited once ---------------------------------------------------
const check = openDatabase(dbPath).$client
const stored = check
  .prepare(`select u.email || ':' || v.record_id as key from screening_votes v join users u on u.id = v.reviewer_id`)
  .all() as { key: string }[]
const audits = check
  .prepare(
    `select u.email || ':' || a.entity_id as key, count(*) as n from audit_events a join users u on u.id = a.actor_id
     where a.action = 'screening.voted' group by a.actor_id, a.entity_id`,
  )
  .all() as { key: string; n: number }[]
check.close()
const storedKeys = new Set(stored.map((row) => row.key))
const auditedOnce = audits.length === accepted.size && audits.every((row) => row.n === 1 && accepted.has(row.key))
const same = storedKeys.size === accepted.size && [...accepted].every((key) => storedKeys.has(key))
console.log(
  JSON.stringify({
    bench: 'load_votes_stored',
    votes_answered: accepted.size,
    votes_refused_409: refused.count,
    votes_stored: storedKeys.size,
    audited_once: auditedOnce,
  }),
)
rmSync(folder, { recursive: true, force: true })
if (!same || !auditedOnce) throw new Error('votes stored differ from votes answered, or a vote was not audited once')
