/**
 * Server time to render the demo review’s dashboard, its search log and the review list (app.request, no network), median
 * and p95 over repeated requests after a warm-up.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/client.ts'
import { createApp } from '../../src/app.tsx'
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts'

const folder = mkdtempSync(join(tmpdir(), 'weft-bench-'))
const db = openDatabase(join(folder, 'weft.db'))
await seedDemo(db, { filesDir: join(folder, 'files') })
const app = createApp({ db })
const signIn = await app.request('/sign-in', {
  method: 'POST',
  body: new URLSearchParams(DEMO_LOGIN),
  headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
})
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''

async function measure(path: string, runs: number) {
  const times: number[] = []
  for (let i = 0; i < runs + 50; i++) {
    const start = performance.now()
    const response = await app.request(path, { headers: { cookie } })
    await response.text()
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    if (i >= 50) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2))
  return { median_ms: at(0.5), p95_ms: at(0.95) }
}

console.log(JSON.stringify({ bench: 'dashboard', requests: 500, ...(await measure('/reviews/link-workers', 500)) }))
console.log(
  JSON.stringify({ bench: 'search_log', requests: 500, ...(await measure('/reviews/link-workers/sources', 500)) }),
)
console.log(JSON.stringify({ bench: 'review_list', requests: 500, ...(await measure('/reviews', 500)) }))
