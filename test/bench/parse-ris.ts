/**
 * Micro-benchmark of the RIS parser: N synthetic records (~2.8 KB each), streamed in chunks as a file
 * read would deliver them, parsed and normalised, records dropped batch by batch as a store would.
 * Prints one JSON line. Run: node --import tsx test/bench/parse-ris.ts [records] [--cite 5000]
 */
import { performance } from 'node:perf_hooks'
import { parseReferenceStream } from '../../src/domain/formats/index.ts'
import { seededRandom } from '../support/seeded-random.ts'
import { syntheticRisChunks, syntheticRisRecord } from '../support/synthetic-ris.ts'

const args = process.argv.slice(2)
const records = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 100_000)
const citeAt = args.indexOf('--cite')

let generating = 0
let bytes = 0
function* timedChunks(): Generator<Uint8Array> {
  const chunks = syntheticRisChunks(records)
  for (;;) {
    const started = performance.now()
    const next = chunks.next()
    generating += performance.now() - started
    if (next.done === true) return
    bytes += next.value.length
    yield next.value
  }
}

let parsed = 0
let withTitle = 0
const started = performance.now()
const summary = parseReferenceStream(timedChunks(), {
  onRecords(batch) {
    parsed += batch.length
    for (const record of batch) if (record.title !== null) withTitle++
  },
})
const seconds = (performance.now() - started - generating) / 1000
console.log(
  JSON.stringify({
    bench: 'parse_ris',
    records: parsed,
    with_title: withTitle,
    megabytes: Math.round(bytes / 1e6),
    issues: summary.issues.length,
    seconds: Number(seconds.toFixed(2)),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
)

if (citeAt !== -1) {
  // citation-js on the same kind of text, for comparison (it sniffs the format and keeps _graph by default).
  const n = Number(args[citeAt + 1] ?? 5000)
  const random = seededRandom(7)
  const text = Array.from({ length: n }, (_, i) => syntheticRisRecord(i, random)).join('\n')
  const { default: Cite } = await import('citation-js')
  const before = performance.now()
  const cite = Cite as unknown as new (input: string) => { data: unknown[] }
  const data = new cite(text).data
  const citeSeconds = (performance.now() - before) / 1000
  const ours = performance.now()
  parseReferenceStream([Buffer.from(text)], { onRecords() {} })
  const ourSeconds = (performance.now() - ours) / 1000
  console.log(
    JSON.stringify({
      bench: 'parse_ris_vs_citation_js',
      records: data.length,
      citation_js_seconds: Number(citeSeconds.toFixed(2)),
      weft_seconds: Number(ourSeconds.toFixed(3)),
    }),
  )
}
