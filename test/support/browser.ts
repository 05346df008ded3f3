/**
 * Browser test harness (STYLE.md §3.6): Chromium (Debian's, or the one an npm package ships: see
 * chromium.ts) driven by playwright-core, against the real Weft server on a temp-file SQLite database and
 * a free port.
 */
import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { DEMO_LOGIN } from '../../src/demo/seed.ts'
import { startServer } from '../../src/server.ts'
import { findChromium } from './chromium.ts'

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
 * Starts headless Chromium. A browser test never skips: when no Chromium can be found or started, the
 * error says which one was tried. (Playwright's launch() gives each browser a fresh temporary profile, so
 * no --user-data-dir is needed.)
 */
export async function launchBrowser(): Promise<Browser> {
  const binary = await findChromium()
  try {
    return await chromium.launch({
      executablePath: binary.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...binary.env },
    })
  } catch (error) {
    throw new Error(`Could not start Chromium from ${binary.origin} (${binary.executablePath})`, { cause: error })
  }
}

/**
 * Where a browser test saves a screenshot: one folder per test run (test-results/screenshots/<run>/), so
 * runs do not overwrite each other and a reviewer can look at every page a run saw.
 */
export function screenshotPath(name: string): string {
  // The run's name is set once in test/vitest.config.ts, so every test file of a run shares the folder.
  const run = process.env.WEFT_TEST_RUN ?? 'unnamed-run'
  const folder = join(process.env.WEFT_SCREENSHOTS ?? join('test-results', 'screenshots'), run)
  mkdirSync(folder, { recursive: true })
  return join(folder, name)
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
  const { port, stop } = await startServer({
    dbPath,
    port: 0,
    hostname: '127.0.0.1',
    demo: options.demo,
    log: () => {},
  })
  return {
    baseURL: `http://127.0.0.1:${port}`,
    dbPath,
    stop: async () => {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Collects what went wrong inside the page: uncaught exceptions and console errors (a CSP refusal or an
 * htmx error shows up there). Chromium also logs every 4xx response as "Failed to load resource"; those
 * are expected for 422 validation answers, so they are left out.
 */
/** Opens an SVG file on its own, as a browser shows a downloaded figure. */
export async function openSvgFile(page: Page, svg: string): Promise<void> {
  await page.goto(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`)
}

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

/** Signs in as the demo's first reviewer on a server started with `demo: true`, and waits for the review list. */
export async function signInAsDemo(page: Page): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(DEMO_LOGIN.email)
  await page.getByLabel('Password').fill(DEMO_LOGIN.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/reviews')
}
