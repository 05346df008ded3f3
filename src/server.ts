/**
 * Runs Weft as a web server: open the database (migrating it), load the demo review into an empty one,
 * and serve the app until SIGINT/SIGTERM.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { openDatabase } from '../db/client.ts'
import { createApp } from './app.tsx'
import { configFromEnv, filesDirFor, type WeftConfig } from './config.ts'
import { DEMO_LOGIN, demoLoginStillWorks, seedDemo } from './demo/seed.ts'
import { FORM_TOKEN_MAX_AGE_MS } from './http/form-token.ts'
import { createServices } from './services.ts'
import { startWalCheckpoints } from '../db/wal-checkpoints.ts'
import { forgetExpired } from './store/housekeeping.ts'

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000
/** How often idle reviews' rankings and features are looked for (they go after config.rankingIdleMs). */
const IDLE_SWEEP_INTERVAL_MS = 60 * 1000

export interface ServeOptions {
  dbPath: string
  port: number
  hostname?: string | undefined
  demo: boolean
  log?: (line: string) => void
  /** Worker threads and timings; from the environment unless given. */
  config?: WeftConfig
}

export async function startServer(options: ServeOptions) {
  const log = options.log ?? ((line: string) => console.log(line))
  const db = openDatabase(options.dbPath)
  const walCheckpoints = startWalCheckpoints(db.$client)
  const filesDir = filesDirFor(options.dbPath)
  if (options.demo && (await seedDemo(db, { filesDir })))
    log('Loaded the demo review “Link workers’ experiences of social prescribing”.')
  const now = () => new Date()
  const config = options.config ?? configFromEnv()
  const services = createServices(db, config, now)
  const app = createApp({ db, filesDir, now, config, services })
  const housekeeping = () => forgetExpired(db, now(), FORM_TOKEN_MAX_AGE_MS)
  housekeeping()
  // unref: the sweeps must not keep the process alive on their own.
  const sweep = setInterval(housekeeping, HOUSEKEEPING_INTERVAL_MS).unref()
  const idleSweep = setInterval(() => services.ranking.forgetIdle(), IDLE_SWEEP_INTERVAL_MS).unref()
  const server = serve({
    fetch: app.fetch,
    port: options.port,
    ...(options.hostname ? { hostname: options.hostname } : {}),
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  log(`Weft is running at http://localhost:${port} (database ${options.dbPath})`)
  if (options.demo && (await demoLoginStillWorks(db))) {
    log(`Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`)
  }
  const stop = async () => {
    clearInterval(sweep)
    clearInterval(idleSweep)
    server.close()
    await services.close()
    await walCheckpoints.stop()
    db.$client.close()
  }
  return { server, port, stop, services }
}
