/**
 * The server of the load benchmark, in its own process as in production (`weft serve` minus the CLI),
 * with the event loop watched: the bench asks over IPC for the longest stall and the peak memory.
 * With `--idle` instead of a database path it serves nothing: the same watch on a process doing nothing
 * on the same machine at the same time, the baseline a shared machine's scheduling alone gives.
 * Run by test/bench/load.ts: node --import tsx load-server.ts DB_PATH|--idle
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks'
import { startServer } from '../../../src/server.ts'

/** The histogram's sampling interval; a reading above it is the time the loop could not answer. */
const RESOLUTION_MS = 5

export interface LoadServerStats {
  maxStallMs: number
  p99StallMs: number
  /** Share of the time the request thread was busy since the last reset (0–1). */
  requestThreadBusy: number
  /** CPU time of the whole process (request thread and workers) since the last reset. */
  cpuSeconds: number
  rssMb: number
  peakRssMb: number
  /** The longest garbage-collection pause of the request thread since the last reset: a stall's likely cause. */
  longestGcMs: number
}

const send = (message: unknown) => process.send!(message)
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
const idle = process.argv[2] === '--idle'
const { port, stop } = idle
  ? { port: 0, stop: async () => undefined }
  : await startServer({ dbPath: process.argv[2]!, port: 0, hostname: '127.0.0.1', demo: false, log: () => {} })
delay.enable()
let longestGcMs = 0
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration)
}).observe({ entryTypes: ['gc'] })
let since = { elu: performance.eventLoopUtilization(), cpu: process.cpuUsage() }
send({ type: 'ready', port })

process.on('message', (message: { type: string }) => {
  if (message.type === 'reset') {
    delay.reset()
    longestGcMs = 0
    since = { elu: performance.eventLoopUtilization(), cpu: process.cpuUsage() }
    send({ type: 'reset' })
  } else if (message.type === 'stats') {
    const stats: LoadServerStats = {
      maxStallMs: Math.max(0, delay.max / 1e6 - RESOLUTION_MS),
      p99StallMs: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
      requestThreadBusy: performance.eventLoopUtilization(since.elu).utilization,
      cpuSeconds: (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(since.cpu)),
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
      longestGcMs,
    }
    send({ type: 'stats', stats })
  } else if (message.type === 'stop') {
    void stop().then(() => process.exit(0))
  }
})
