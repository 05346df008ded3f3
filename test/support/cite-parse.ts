/** Child process of the import bench: times citation-js's `new Cite(text)` on a file, prints {seconds, cpu_seconds, records}. */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import Cite from 'citation-js'

const text = readFileSync(process.argv[2]!, 'utf8')
const cpuBefore = process.cpuUsage()
const started = performance.now()
const cite = new (Cite as unknown as new (input: string) => { data: unknown[] })(text)
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
console.log(
  JSON.stringify({
    seconds: Number(seconds.toFixed(2)),
    cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    records: cite.data.length,
  }),
)
