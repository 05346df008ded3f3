/**
 * The import target: a 100,000-record RIS file (~280 MB with abstracts) parsed, normalised and stored
 * in one transaction, timed with its peak RSS, against citation-js's `new Cite(text)` on the same file
 * (in a child process, so its memory does not count as ours). Then deduplication of the stored review.
 * Run: node --import tsx test/bench/import-ris.ts [records] [--no-cite]
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../db/client.ts'
import { fileChunks, fileFacts } from '../../src/cli/file-chunks.ts'
import { runDeduplication } from '../../src/store/duplicates.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createSource } from '../../src/store/sources.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const args = process.argv.slice(2)
const RECORDS = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100_000)
const folder = mkdtempSync(join(tmpdir(), 'weft-bench-import-'))
const file = join(folder, 'search.ris')

const fd = openSync(file, 'w')
for (const chunk of syntheticRisChunks(RECORDS)) writeSync(fd, chunk)
closeSync(fd)

const db = openDatabase(join(folder, 'weft.db'))
const review = createReview(db, reviewInput.parse({ title: 'Bench', slug: 'bench' }), { ownerId: null, actorId: null })
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

const started = performance.now()
const facts = fileFacts(file)
const outcome = importReferenceFile(db, {
  reviewId: review.id,
  sourceId: source.id,
  fileName: 'search.ris',
  ...facts,
  chunks: fileChunks(file),
  actorId: null,
})
const seconds = (performance.now() - started) / 1000
if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`)
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)

let vsCitationJs: number | null = null
let citationJsSeconds: number | null = null
if (!args.includes('--no-cite')) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../support/cite-parse.ts'), file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  if (child.status !== 0) throw new Error(`citation-js run failed: ${child.stderr}`)
  citationJsSeconds = JSON.parse(child.stdout).seconds as number
  vsCitationJs = Number((citationJsSeconds / seconds).toFixed(1))
}

console.log(
  JSON.stringify({
    bench: 'import_ris',
    records: outcome.summary.imported,
    megabytes: Math.round(statSync(file).size / 1e6),
    seconds: Number(seconds.toFixed(2)),
    peak_rss_mb: peakRssMb,
    vs_citation_js: vsCitationJs,
    citation_js_seconds: citationJsSeconds,
  }),
)

const dedupStarted = performance.now()
const report = runDeduplication(db, review.id, null)
console.log(
  JSON.stringify({
    bench: 'dedup_stored',
    records: outcome.summary.imported,
    seconds: Number(((performance.now() - dedupStarted) / 1000).toFixed(2)),
    candidates: report.candidates,
  }),
)
db.$client.close()
rmSync(folder, { recursive: true, force: true })
