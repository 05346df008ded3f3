/**
 * A browser upload of a 100,000-record RIS file (~270 MB) through the real HTTP server: the time until
 * the upload is answered and the process's peak RSS then (the server and this client share the process;
 * the client streams the file from disk), and once background deduplication has finished.
 * Run: node --import tsx test/bench/import-upload.ts [records]
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { serve } from '@hono/node-server'
import { openDatabase } from '../../db/client.ts'
import { createApp } from '../../src/app.tsx'
import { configFromEnv } from '../../src/config.ts'
import { createServices } from '../../src/services.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createUser } from '../../src/store/users.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = Number(process.argv[2] ?? 100_000)
const folder = mkdtempSync(join(tmpdir(), 'weft-bench-upload-'))
const file = join(folder, 'search.ris')
const fd = openSync(file, 'w')
for (const chunk of syntheticRisChunks(RECORDS)) writeSync(fd, chunk)
closeSync(fd)

const db = openDatabase(join(folder, 'weft.db'))
const user = await createUser(
  db,
  { email: 'bench@example.org', name: 'Bench', password: 'correct horse battery' },
  null,
)
const review = createReview(db, reviewInput.parse({ title: 'Bench', slug: 'bench' }), {
  ownerId: user.id,
  actorId: null,
})
const services = createServices(db, configFromEnv(), () => new Date())
const server = serve({ fetch: createApp({ db, services }).fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((resolve) => server.once('listening', resolve))
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const signIn = await fetch(`${origin}/sign-in`, {
  method: 'POST',
  redirect: 'manual',
  headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ email: 'bench@example.org', password: 'correct horse battery' }),
})
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
const page = await (await fetch(`${origin}/reviews/bench/imports`, { headers: { cookie } })).text()
const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]
if (!token) throw new Error('no form token on the import page')

// The body a browser sends: the token first (as the form has it), the source, then the file.
const boundary = '----weftbench' + Date.now()
const field = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
const head = Buffer.from(
  field('_csrf', token) +
    field('sourceName', 'MEDLINE') +
    field('sourceKind', 'database') +
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="search.ris"\r\nContent-Type: application/x-research-info-systems\r\n\r\n`,
)
const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
const length = head.byteLength + statSync(file).size + tail.byteLength

const started = performance.now()
const status = await new Promise<number>((resolve, reject) => {
  const upload = request(`${origin}/reviews/bench/imports`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length },
  })
  upload.on('response', (response) => {
    response.resume()
    response.on('end', () => resolve(response.statusCode ?? 0))
  })
  upload.on('error', reject)
  upload.write(head)
  const body = createReadStream(file)
  body.pipe(upload, { end: false })
  body.on('end', () => upload.end(tail))
})
const seconds = (performance.now() - started) / 1000
if (status !== 303) throw new Error(`upload answered ${status}`)
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)

// Deduplication runs after the answer, on the job pool; its memory counts too.
const dedupStarted = performance.now()
await services.dedup.settled(review.id)
const dedupSeconds = Number(((performance.now() - dedupStarted) / 1000).toFixed(2))

console.log(
  JSON.stringify({
    bench: 'import_upload',
    records: RECORDS,
    megabytes: Math.round(statSync(file).size / 1e6),
    seconds: Number(seconds.toFixed(2)),
    peak_rss_mb: peakRssMb,
    dedup_after_answer_seconds: dedupSeconds,
    peak_rss_with_dedup_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)
server.close()
await services.close()
db.$client.close()
rmSync(folder, { recursive: true, force: true })
