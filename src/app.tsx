/**
 * createApp(deps) builds the whole Weft web app: security middleware first, then the session, then the
 * routes. Tests drive the returned app with app.request(); the server hands it to @hono/node-server.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import { secureHeaders } from 'hono/secure-headers'
import type { Db } from '../db/client.ts'
import { configFromEnv, type WeftConfig } from './config.ts'
import { productionHasher, type PasswordHasher } from './auth/password.ts'
import { SignInThrottle } from './auth/sign-in-throttle.ts'
import { fullTextTooLargeMessage, MAX_FULL_TEXT_BYTES } from './files/full-texts.ts'
import { loadAssets, type Assets } from './http/assets.ts'
import { publicOrigin, type AppDeps, type AppEnv } from './http/env.ts'
import { renderError, renderNotFound } from './http/errors.tsx'
import { takeFlash } from './http/flash.ts'
import { confirmStep } from './http/confirm-step.tsx'
import { formGuard } from './http/form-guard.ts'
import { keepUrlOnRefusal } from './http/htmx.ts'
import { pageRenderer } from './http/render.tsx'
import { loadSession } from './http/session.ts'
import { acceptsUploads, uploadLimit } from './http/upload.ts'
import { adminRoutes } from './routes/admin.tsx'
import { assetRoutes } from './routes/assets.ts'
import { authRoutes } from './routes/auth.tsx'
import { invitationAcceptRoutes } from './routes/invitations.tsx'
import { reviewRoutes } from './routes/review/index.ts'
import { reviewsRoutes } from './routes/reviews.tsx'
import { createServices, type AppServices } from './services.ts'

/** The one route whose answers Weft's own pages may frame: a report's full text (retrieval.tsx). */
const FRAMED_BY_WEFT = /^\/reviews\/[^/]+\/reports\/\d+\/file$/

export interface AppOptions {
  db: Db
  now?: () => Date
  signInThrottle?: SignInThrottle
  /** Password hashing; production scrypt cost unless given (tests pass a cheap one). */
  passwordHasher?: PasswordHasher
  assets?: Assets
  /** Where full texts are stored; without it, a per-process folder under the OS temp directory. */
  filesDir?: string
  /** Worker threads and timings; from the environment unless given. */
  config?: WeftConfig
  /**
   * The job pool, rankings, deduplication jobs and highlighters, built from `config` and `now` unless
   * given. Whoever builds them closes them: pass your own to stop their worker threads when done.
   */
  services?: AppServices
}

export function createApp(options: AppOptions) {
  const now = options.now ?? (() => new Date())
  const config = options.config ?? configFromEnv()
  const services = options.services ?? createServices(options.db, config, now)
  const deps: AppDeps = {
    db: options.db,
    now,
    config,
    jobs: services.jobs,
    ranking: services.ranking,
    dedup: services.dedup,
    uploads: services.uploads,
    highlighters: services.highlighters,
    signInThrottle: options.signInThrottle ?? new SignInThrottle(),
    passwordHasher: options.passwordHasher ?? productionHasher,
    assets: options.assets ?? loadAssets(),
    filesDir: options.filesDir ?? join(tmpdir(), `weft-files-${process.pid}`),
  }
  const app = new Hono<AppEnv>()

  // First, so that even a refusal by the middleware below can render its error page.
  app.use(async function provideDeps(c, next) {
    c.set('deps', deps)
    await next()
  })
  // Also before anything that may refuse: error pages go through the same page-or-fragment decision.
  app.use(pageRenderer())

  // Same-origin everything: scripts, styles and forms only from this server, never framed, except a
  // review's full text, which Weft's own pages frame beside the work (members only, like every review page).
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [(c) => (FRAMED_BY_WEFT.test(c.req.path) ? "'self'" : "'none'")],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      // Our own pages see where a form was sent from (a confirmation page's "No" goes back there); other
      // sites are told nothing, so an invitation link in the address bar never leaves this server.
      referrerPolicy: 'same-origin',
    }),
  )
  // Refuses form posts whose Origin / Sec-Fetch-Site say they came from another site (the Origin compared
  // with the public address, so it holds behind an https proxy too).
  app.use(csrf({ origin: (origin, c) => origin === publicOrigin(c) }))
  app.use(loadSession())
  app.use(async function readFlash(c, next) {
    c.set('flash', c.req.method === 'GET' ? takeFlash(c) : null)
    await next()
  })
  app.use(keepUrlOnRefusal())
  // Before the form guard, which reads the body: an oversized upload is refused unread.
  app.use('/reviews/:slug/imports', uploadLimit())
  app.use('/reviews/:slug/reports/:recordId/retrieved', uploadLimit(MAX_FULL_TEXT_BYTES, fullTextTooLargeMessage()))
  app.use('/reviews/:slug/screening/import', acceptsUploads())
  app.use(formGuard())
  // After the form guard: a confirmation page is an answer to a valid form, and it issues a fresh token.
  app.use(confirmStep())

  app.route('/assets', assetRoutes(deps.assets))
  app.route('/', authRoutes)
  app.route('/admin', adminRoutes)
  app.route('/invitations', invitationAcceptRoutes)
  // /reviews/new before /reviews/:slug, so "new" is never read as a review's short name.
  app.route('/reviews', reviewsRoutes)
  app.route('/reviews/:slug', reviewRoutes)

  app.notFound(renderNotFound)
  app.onError(renderError)
  return app
}

export type WeftApp = ReturnType<typeof createApp>
