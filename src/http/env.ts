import type { Context } from 'hono'
import type { Db } from '../../db/client.ts'
import type { Review, Session, User } from '../../db/schema.ts'
import type { PasswordHasher } from '../auth/password.ts'
import type { SignInThrottle } from '../auth/sign-in-throttle.ts'
import type { Assets } from './assets.ts'
import type { WeftConfig } from '../config.ts'
import type { AppServices } from '../services.ts'
import type { MemberRole } from '../domain/vocabulary.ts'

/** What the app is built from; tests pass an in-memory database and a fixed clock. */
export interface AppDeps extends Omit<AppServices, 'close'> {
  db: Db
  /** The app's clock: sessions, form tokens and idle rankings all read it. */
  now: () => Date
  config: WeftConfig
  signInThrottle: SignInThrottle
  /** Hashes and checks passwords; production cost unless a test passes a cheap one. */
  passwordHasher: PasswordHasher
  assets: Assets
  /** The data directory's folder for stored files (full texts by SHA-256), created when first written to. */
  filesDir: string
}

export interface AppVariables {
  deps: AppDeps
  user: User | null
  session: Session | null
  /** The request carried a session cookie that has expired (so we can say so instead of just "sign in"). */
  sessionExpired: boolean
  flash: string | null
  /** Set on the routes that take uploads (src/http/upload.ts): only they may be sent multipart bodies. */
  acceptsUploads?: boolean
  /** Claims an upload's form token as the upload reader meets it (src/http/form-guard.ts). */
  claimUploadToken?: (token: string | undefined) => void
}

export type AppEnv = { Variables: AppVariables }

/**
 * Routes behind `requireUser()` (src/http/session.ts): someone is signed in, so `user` and `session` are
 * never null there. A sub-app typed with it is mounted only below that guard (`signedInRoutes()`).
 */
export type SignedInVariables = Omit<AppVariables, 'user' | 'session'> & { user: User; session: Session }
export type SignedInEnv = { Variables: SignedInVariables }

/** Routes under /reviews/:slug also know the review and the signed-in person's role in it. */
export type ReviewEnv = { Variables: SignedInVariables & { review: Review; role: MemberRole } }

export function isUnsafeMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())
}

export function isHtmx(c: Context): boolean {
  return c.req.header('HX-Request') === 'true'
}

export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

/**
 * The origin people reach this server at: behind a proxy that terminates https (and passes Host and
 * X-Forwarded-Proto), https on the Host they typed, although the proxy talks plain http to Weft.
 */
export function publicOrigin(c: Context): string {
  const url = new URL(c.req.url)
  return `${isHttps(c) ? 'https:' : url.protocol}//${url.host}`
}
