/**
 * The import target on two shapes of a 100,000-record RIS file: the bench's own (LF, three authors,
 * two keywords, a wrapped ~1.6 KB abstract; 268 MB) and the shape real exports have (CRLF, 1–6 authors,
 * four keywords, a ~2 KB abstract on one line, ISSN/database/accession lines; 284 MB). Each import runs
 * in its own process (so its peak RSS is its own), several times; the median is the figure. citation-js
 * (`new Cite(text)`) runs on the same file in the same run: on the first `--cite-records` records (10,000
 * by default, the same records as the file's start) and scaled linearly to the whole file, because on the
 * whole file it takes many minutes; its time grows faster than linearly (real shape, one run each: 5,000
 * records 6.1 s, 10,000 32 s, 20,000 184 s), so the scaled figure is a lower bound. `--cite-records 0`
 * times it on the whole file. CPU seconds are printed beside wall seconds: on a machine shared with other
 * work the wall clock measures the neighbours too. Then deduplication of the stored bench-shape review
 * (`dedup_stored`).
 * Run: node --import tsx test/bench/import-ris.ts [records] [--runs 3] [--cite-records N] [--no-cite]
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { realShapedRisChunks, syntheticRisChunks } from '../support/synthetic-ris.ts'

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at === -1 ? undefined : args[at + 1]
}
const RECORDS = Number(args.find((arg, i) => /^\d+$/.test(arg) && !args[i - 1]?.startsWith('--')) ?? 100_000)
const RUNS = Number(option('--runs') ?? 3)
const CITE_RECORDS = Math.min(RECORDS, Number(option('--cite-records') ?? 10_000)) || RECORDS
const folder = mkdtempSync(join(tmpdir(), 'weft-bench-import-'))

const SHAPES = [
  { shape: 'bench', chunks: syntheticRisChunks },
  { shape: 'real_crlf', chunks: realShapedRisChunks },
] as const

function writeFile(path: string, chunks: Iterable<Uint8Array>): void {
  const fd = openSync(path, 'w')
  for (const chunk of chunks) writeSync(fd, chunk)
  closeSync(fd)
}

function child(script: string, ...rest: string[]): Record<string, number> {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../support', script), ...rest],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as Record<string, number>
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

try {
  for (const { shape, chunks } of SHAPES) {
    const file = join(folder, `${shape}.ris`)
    writeFile(file, chunks(RECORDS))
    const runs = Array.from({ length: RUNS }, (_, i) =>
      child('import-file-run.ts', file, ...(i === 0 ? ['--dedup'] : [])),
    )
    const seconds = median(runs.map((run) => run.seconds!))
    const cpuSeconds = median(runs.map((run) => run.cpu_seconds!))
    let citationJs: { seconds: number; cpu: number; records: number; scale: number } | null = null
    if (!args.includes('--no-cite')) {
      // The first CITE_RECORDS records of the same file: the generator is seeded, so they are identical.
      const slice = join(folder, `${shape}-slice.ris`)
      if (CITE_RECORDS < RECORDS) writeFile(slice, chunks(CITE_RECORDS))
      const cite = child('cite-parse.ts', CITE_RECORDS < RECORDS ? slice : file)
      citationJs = {
        seconds: cite.seconds!,
        cpu: cite.cpu_seconds!,
        records: cite.records!,
        scale: RECORDS / CITE_RECORDS,
      }
    }
    console.log(
      JSON.stringify({
        bench: 'import_ris',
        shape,
        records: runs[0]!.records,
        megabytes: Math.round(statSync(file).size / 1e6),
        runs: RUNS,
        seconds: Number(seconds.toFixed(2)),
        seconds_each: runs.map((run) => run.seconds),
        load_average: Number(loadavg()[0]!.toFixed(1)),
        cpu_seconds: cpuSeconds,
        peak_rss_mb: median(runs.map((run) => run.peak_rss_mb!)),
        peak_rss_mb_max: Math.max(...runs.map((run) => run.peak_rss_mb!)),
        // Scaled linearly from the slice: a lower bound, as citation-js's time grows faster than linearly.
        citation_js_seconds: citationJs === null ? null : Number((citationJs.seconds * citationJs.scale).toFixed(1)),
        citation_js_cpu_seconds: citationJs === null ? null : Number((citationJs.cpu * citationJs.scale).toFixed(1)),
        citation_js_timed_on:
          citationJs === null
            ? null
            : `${citationJs.records} records: ${citationJs.seconds} s, ${citationJs.cpu} s CPU`,
        vs_citation_js:
          citationJs === null ? null : Number(((citationJs.seconds * citationJs.scale) / seconds).toFixed(1)),
        vs_citation_js_cpu:
          citationJs === null ? null : Number(((citationJs.cpu * citationJs.scale) / cpuSeconds).toFixed(1)),
      }),
    )
    if (shape === 'bench') {
      const first = runs[0]!
      console.log(
        JSON.stringify({
          bench: 'dedup_stored',
          records: first.records,
          seconds: first.dedup_seconds,
          candidates: first.candidates,
        }),
      )
    }
    rmSync(file, { force: true })
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
