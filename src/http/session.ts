import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { createSession, deleteSession, SESSION_LIFETIME_MS, validateSessionToken } from '../store/sessions.ts'
import { isHtmx, isHttps, isUnsafeMethod, type AppEnv, type SignedInEnv } from './env.ts'

export const SESSION_COOKIE = 'weft_session'

function writeSessionCookie(c: Context<AppEnv>, token: string): void {
  // HttpOnly: page scripts cannot read it. SameSite=Lax: other sites cannot post with it.
  // Secure whenever the request came over https (directly or via a proxy that says so).
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  })
}

/** Reads the session cookie and puts the signed-in person (or null) on the context. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async function loadSession(c, next) {
    const { db, now } = c.get('deps')
    c.set('user', null)
    c.set('session', null)
    c.set('sessionExpired', false)
    const token = getCookie(c, SESSION_COOKIE)
    if (token) {
      const check = validateSessionToken(db, token, now())
      if (check.status === 'valid') {
        c.set('user', check.user)
        c.set('session', check.session)
        if (check.renewed) writeSessionCookie(c, token)
      } else {
        c.set('sessionExpired', check.status === 'expired')
        deleteCookie(c, SESSION_COOKIE, { path: '/' })
      }
    }
    await next()
  }
}

export function startSession(c: Context<AppEnv>, userId: number): void {
  const { db, now } = c.get('deps')
  const { token } = createSession(db, userId, now())
  writeSessionCookie(c, token)
}

export function endSession(c: Context<AppEnv>): void {
  const session = c.get('session')
  if (session) deleteSession(c.get('deps').db, session.id)
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

/** Where to come back to after signing in: the page itself, or for a form post the page it was on. */
function returnPath(c: Context): string {
  if (!isUnsafeMethod(c.req.method)) return new URL(c.req.url).pathname + new URL(c.req.url).search
  const referer = c.req.header('referer')
  return referer && URL.canParse(referer) ? new URL(referer).pathname : '/'
}

/** Lets signed-in people through; sends everyone else to the sign-in page, saying why. */
export function requireUser(): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    if (c.get('user')) return next()
    const params = new URLSearchParams({ next: returnPath(c) })
    if (c.get('sessionExpired')) params.set('expired', isUnsafeMethod(c.req.method) ? 'unsaved' : '1')
    const location = `/sign-in?${params}`
    if (isHtmx(c)) {
      c.header('HX-Redirect', location)
      return c.body(null, 401)
    }
    return c.redirect(location, 303)
  }
}

/**
 * A sub-app every route of which needs someone signed in. The guard goes on here, with the type that says
 * so: its handlers read `c.get('user')` as a `User`, never null, without an assertion.
 */
export function signedInRoutes<E extends SignedInEnv = SignedInEnv>(): Hono<E> {
  const routes = new Hono<E>()
  routes.use('*', requireUser())
  return routes
}
