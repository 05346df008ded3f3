/**
 * Builds a Weft app on a fresh in-memory database for one test, with a clock the test can move, and an
 * `Agent` that behaves like a browser tab: it keeps the session cookie and sends same-origin form posts
 * with a valid form token, the way a page served by Weft would.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, onTestFinished } from 'vitest'
import { openDatabase, type Db } from '../../db/client.ts'
import { sessions } from '../../db/schema.ts'
import { createApp, type WeftApp } from '../../src/app.tsx'
import { scryptHasher } from '../../src/auth/password.ts'
import { SignInThrottle } from '../../src/auth/sign-in-throttle.ts'
import type { WeftConfig } from '../../src/config.ts'
import { issueFormToken } from '../../src/http/form-token.ts'
import { createServices, type AppServices } from '../../src/services.ts'
import { createUser } from '../../src/store/users.ts'

export const ORIGIN = 'http://localhost'

export interface TestWeft {
  app: WeftApp
  db: Db
  clock: { now: Date; advance: (ms: number) => void }
  /** The app's job pool, rankings, deduplication jobs and highlighters (tests await their work). */
  services: AppServices
  /** The app's own folder for stored files (full texts); testWeft() makes one and removes it afterwards. */
  filesDir?: string
}

/** Runs `cleanUp` after the current test, or after the file when called outside a test. */
function afterCurrentTest(cleanUp: () => unknown): void {
  try {
    onTestFinished(async () => void (await cleanUp()))
  } catch {
    afterAll(async () => void (await cleanUp()))
  }
}

/** A fresh temp folder, removed after the current test (or file). */
function tempFilesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-test-files-'))
  afterCurrentTest(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/**
 * Production scrypt costs ~50 ms a hash, and integration tests create hundreds of accounts: tests hash at
 * a trivial cost (the format and checks are the same; test/integration/accounts.test.ts keeps one sign-in
 * at the production cost).
 */
export const TEST_HASHER = scryptHasher({ N: 2, r: 1, p: 1 })

/** Background work as on a server, but never on more than one worker thread (a file database's jobs). */
export const TEST_CONFIG: WeftConfig = {
  workerThreads: 1,
  rankingIdleMs: 30 * 60_000,
  retrainDelayMs: 300,
  retrainMaxWaitMs: 2_000,
}

/** A Weft on a fresh in-memory database, or on the database file at `path` (for tests that need WAL). */
export function testWeft(path = ':memory:'): TestWeft {
  const db = openDatabase(path)
  const clock = {
    now: new Date('2026-11-02T09:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms)
    },
  }
  const now = () => clock.now
  const filesDir = tempFilesDir()
  // In memory the jobs run inline; on a file they run on a worker thread, stopped when the test ends.
  const services = createServices(db, TEST_CONFIG, now)
  if (path !== ':memory:') afterCurrentTest(() => services.close())
  const app = createApp({
    db,
    now,
    filesDir,
    config: TEST_CONFIG,
    services,
    passwordHasher: TEST_HASHER,
    signInThrottle: new SignInThrottle({ now: () => clock.now.getTime() }),
  })
  return { app, db, clock, filesDir, services }
}

/**
 * A Weft on a database file, as on a server: its background jobs run on one worker thread with their own
 * connection. `close()` stops the thread, closes the database and removes the folder.
 */
export function testWeftOnFile(): TestWeft & { folder: string; close: () => Promise<void> } {
  const folder = mkdtempSync(join(tmpdir(), 'weft-test-db-'))
  const db = openDatabase(join(folder, 'weft.db'))
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms)
    },
  }
  const now = () => clock.now
  const services = createServices(db, TEST_CONFIG, now)
  const app = createApp({
    db,
    now,
    filesDir: join(folder, 'files'),
    config: TEST_CONFIG,
    services,
    passwordHasher: TEST_HASHER,
    signInThrottle: new SignInThrottle({ now: () => clock.now.getTime() }),
  })
  const close = async () => {
    await services.close()
    db.$client.close()
    rmSync(folder, { recursive: true, force: true })
  }
  return { app, db, clock, services, folder, close }
}

export const PASSWORD = 'correct horse battery'

export async function addAccount(db: Db, email: string, name = email.split('@')[0] ?? email) {
  return createUser(db, { email, name, password: PASSWORD }, null, { hasher: TEST_HASHER })
}

type Fields = Record<string, string>

export class Agent {
  cookie = ''

  constructor(readonly weft: Pick<TestWeft, 'app' | 'db' | 'clock'>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie)
    const response = await this.weft.app.request(path, { ...init, headers })
    this.#keepCookies(response)
    return response
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { headers })
  }

  /** A same-origin form post carrying a fresh form token (unless `token` says otherwise). */
  post(path: string, fields: Fields = {}, options: { token?: string | false; headers?: Record<string, string> } = {}) {
    const body = new URLSearchParams(fields)
    const token = options.token === undefined ? this.formToken() : options.token
    if (token) body.set('_csrf', token)
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...options.headers },
    })
  }

  /**
   * A same-origin multipart/form-data post, as a form with `enctype="multipart/form-data"` sends it:
   * text fields (an array repeats the field), files as `[field, name, content]`, and a fresh form token.
   */
  postMultipart(
    path: string,
    fields: Record<string, string | string[]> = {},
    files: [field: string, name: string, content: string | Uint8Array][] = [],
    options: { token?: string | false; headers?: Record<string, string> } = {},
  ) {
    const body = new FormData()
    const token = options.token === undefined ? this.formToken() : options.token
    if (token) body.set('_csrf', token)
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item)
    }
    for (const [field, name, content] of files) body.append(field, new Blob([content]), name)
    // No content-type header: fetch writes it with the multipart boundary.
    return this.request(path, { method: 'POST', body, headers: { origin: ORIGIN, ...options.headers } })
  }

  /** What a page rendered for this session would put in its form. */
  formToken(): string | false {
    const id = this.cookie.match(/weft_session=([^.;]+)\./)?.[1]
    if (!id) return false
    const session = this.weft.db.select().from(sessions).where(eq(sessions.id, id)).get()
    return session ? issueFormToken(session.formKey, this.weft.clock.now) : false
  }

  async signIn(email: string, password = PASSWORD): Promise<Response> {
    const response = await this.post('/sign-in', { email, password })
    if (response.status !== 303) throw new Error(`sign-in as ${email} failed with ${response.status}`)
    return response
  }

  #keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      if (!pair) continue
      const [name] = pair.split('=')
      const others = this.cookie.split('; ').filter((c) => c && !c.startsWith(`${name}=`))
      const expired = /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)
      this.cookie = (expired ? others : [...others, pair]).join('; ')
    }
  }
}

/** A signed-in agent for a new account. */
export async function signedIn(weft: TestWeft, email: string): Promise<Agent> {
  await addAccount(weft.db, email)
  const agent = new Agent(weft)
  await agent.signIn(email)
  return agent
}

/** Creates a review through the web UI as `owner` and returns its slug. */
export async function reviewOwnedBy(
  owner: Agent,
  slug = 'link-workers',
  title = 'Link workers’ experiences',
): Promise<string> {
  const response = await owner.post('/reviews', { title, slug, reviewersPerRecord: '2', blindScreening: 'on' })
  if (response.status !== 303)
    throw new Error(`creating review ${slug} failed with ${response.status}: ${await response.text()}`)
  return slug
}
