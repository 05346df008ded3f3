/**
 * Child process of the import bench: one import of a reference file into a fresh database, as
 * `weft import` does it (hash the file, parse and normalise it into a staging database, then copy it into the
 * review in one transaction).
 * Prints {seconds, cpu_seconds, peak_rss_mb, records}; with --dedup also deduplicates the stored records.
 * Run: node --import tsx test/support/import-file-run.ts FILE [--dedup]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../../db/client.ts'
import { fileChunks, fileFacts } from '../../src/cli/file-chunks.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { runDeduplication } from '../../src/store/duplicates.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createSource } from '../../src/store/sources.ts'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: import-file-run.ts FILE [--dedup]')
const folder = mkdtempSync(join(tmpdir(), 'weft-bench-import-'))
const db = openDatabase(join(folder, 'weft.db'))
const review = createReview(db, reviewInput.parse({ title: 'Bench', slug: 'bench' }), { ownerId: null, actorId: null })
const blank = { platform: '', dateRun: '', coverage: '', strategy: '', limits: '', filters: '', notes: '' }
const source = createSource(db, review.id, { name: 'Scopus', kind: 'database', ...blank }, null)

const cpuBefore = process.cpuUsage()
const started = performance.now()
const outcome = importReferenceFile(db, {
  reviewId: review.id,
  sourceId: source.id,
  fileName: 'search.ris',
  ...fileFacts(file),
  chunks: fileChunks(file),
  actorId: null,
})
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`)
const result: Record<string, number> = {
  records: outcome.summary.imported,
  seconds: Number(seconds.toFixed(2)),
  cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
}
if (process.argv.includes('--dedup')) {
  const dedupStarted = performance.now()
  result.candidates = runDeduplication(db, review.id, null).candidates
  result.dedup_seconds = Number(((performance.now() - dedupStarted) / 1000).toFixed(2))
}
console.log(JSON.stringify(result))
db.$client.close()
rmSync(folder, { recursive: true, force: true })
