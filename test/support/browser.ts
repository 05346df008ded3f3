/**
 * Browser test harness (STYLE.md §3.6): Debian's Chromium driven by playwright-core, against the real
 * Weft server on a temp-file SQLite database and a free port.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer } from '../../src/server.ts'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// The machines have no internet: without the background-networking flags Chromium keeps trying to reach
// Google and logs refused connections. --no-sandbox because CI runs as root in a container.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Starts headless Chromium. playwright-core never downloads a browser, so a missing one is an error
 * that says how to get it; the e2e tests fail rather than skip, because CI installs it.
 * (Playwright's launch() gives each browser a fresh temporary profile, so no --user-data-dir is needed.)
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's chromium (apt-get install -y chromium, as .ci/run does) ` +
        'or point CHROMIUM_PATH at a Chromium binary.',
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

export interface RunningWeft {
  baseURL: string
  /** The server's database file: a test may open it (WAL allows a second connection) to set up a scene. */
  dbPath: string
  stop: () => Promise<void>
}

/**
 * Starts the real server (`weft serve` minus the CLI) on 127.0.0.1, a free port and a new database file.
 * `demo: true` loads the demo review, as `npm start` does.
 *
 * @example
 * const weft = await startWeft({ demo: true })
 * await page.goto(weft.baseURL)
 * await weft.stop()
 */
export async function startWeft(options: { demo: boolean }): Promise<RunningWeft> {
  const dir = await mkdtemp(join(tmpdir(), 'weft-e2e-'))
  // A file, not :memory:, so the server runs with WAL exactly as in production.
  const dbPath = join(dir, 'weft.db')
  const { port, stop } = await startServer({ dbPath, port: 0, hostname: '127.0.0.1', demo: options.demo, log: () => {} })
  return {
    baseURL: `http://127.0.0.1:${port}`,
    dbPath,
    stop: async () => {
      stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Collects what went wrong inside the page: uncaught exceptions and console errors (a CSP refusal or an
 * htmx error shows up there). Chromium also logs every 4xx response as "Failed to load resource"; those
 * are expected for 422 validation answers, so they are left out.
 */
export function pageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console.error: ${message.text()}`)
    }
  })
  return problems
}
