import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { claimFormToken, releaseFormToken } from '../store/form-tokens.ts'
import { isUnsafeMethod, type AppEnv } from './env.ts'
import { setFlash } from './flash.ts'
import { PreparedAnswer } from './errors.tsx'
import { CONFIRMED_FIELD } from './confirm-step.tsx'
import { checkFormToken, FORM_TOKEN_FIELD, FORM_TOKEN_HEADER } from './form-token.ts'
import { isMultipart } from './upload.ts'

/** The form's token, and whether the form is the confirmation page's Yes (sent confirmed). */
async function submittedToken(
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
): Promise<{ token: string | undefined; confirmed: boolean }> {
  const header = c.req.header(FORM_TOKEN_HEADER)
  if (header) return { token: header, confirmed: false }
  const type = c.req.header('content-type') ?? ''
  if (!type.includes('form')) return { token: undefined, confirmed: false }
  // parseBody caches the parsed body, so the route reads it again at no cost.
  const body = await c.req.parseBody()
  const token = body[FORM_TOKEN_FIELD]
  return { token: typeof token === 'string' ? token : undefined, confirmed: body[CONFIRMED_FIELD] === 'yes' }
}

const REFUSALS = {
  missing: 'This form has no security token. Reload the page and submit it again.',
  forged: 'This form’s security token is not valid for your session. Reload the page and submit it again.',
  expired: 'This form is more than a day old. Reload the page and submit it again.',
} as const

/**
 * Where a form sent again lands: the page showing what it changed as it stands now. A screening action
 * lands on its record's card; any other form on the page it was sent from (same origin only). Null when
 * neither is known.
 */
function replayLanding(c: Context<AppEnv>, confirmed: boolean): { url: string; notice: string } | null {
  const path = new URL(c.req.url).pathname
  const record = /^(\/reviews\/[^/]+\/screening\/[^/]+\/records\/\d+)\/(?:vote|resolve|reopen)$/.exec(path)
  if (record) return { url: record[1]!, notice: `${REPLAYED} here is the record as it stands.` }
  const referer = c.req.header('referer')
  if (!referer) return null
  try {
    const from = new URL(referer)
    if (from.origin !== new URL(c.req.url).origin) return null
    // The confirmation page is the answer to a post, at the action's address, which has no page to GET: a Yes
    // sent again from it lands on the review instead.
    if (confirmed && from.pathname === path) {
      const review = /^\/reviews\/[^/]+/.exec(path)?.[0]
      return review ? { url: review, notice: `${REPLAYED} here is the review as it stands.` } : null
    }
    return { url: `${from.pathname}${from.search}`, notice: `${REPLAYED} here is the page as it stands.` }
  } catch {
    return null
  }
}

const REPLAYED = 'This form was already used, so nothing was changed;'

/**
 * Every state-changing request from a signed-in person must carry a valid form token, used once.
 * A request that fails (4xx/5xx) gives its token back: nothing was stored, so the form may be resent.
 * A form sent again (a double click, or a page kept from before the Back button) is not applied twice:
 * it lands on the current state of what it changed, with a notice saying so.
 *
 * An upload's token is claimed as the one upload reader (receiveUpload) meets it, before the files, which
 * are then streamed to disk only if it holds; only routes that take uploads may be sent multipart bodies.
 */
export function formGuard(): MiddlewareHandler<AppEnv> {
  return async function formGuard(c, next) {
    const session = c.get('session')
    if (!session || !isUnsafeMethod(c.req.method)) return next()
    const { db, now } = c.get('deps')
    let claimed: string | null = null
    const claim = (token: string | undefined, confirmed = false) => {
      const check = checkFormToken(session.formKey, token, now())
      if (!check.ok) throw new HTTPException(403, { message: REFUSALS[check.reason] })
      if (!claimFormToken(db, check.nonce, now())) {
        const landing = replayLanding(c, confirmed)
        // Its answer is made here and sent as it is (renderError), wherever the token was met.
        if (landing) throw new PreparedAnswer(303, { res: land(c, landing) })
        throw new HTTPException(409, {
          message: 'This form was already submitted, so it was not applied again. Reload the page to see the result.',
        })
      }
      claimed = check.nonce
    }
    if (isMultipart(c) && !c.req.header(FORM_TOKEN_HEADER)) {
      if (!c.get('acceptsUploads')) throw new HTTPException(415, { message: 'This form cannot carry files.' })
      // Claimed by the upload reader inside the route, as it meets the token.
      c.set('claimUploadToken', claim)
    } else {
      const { token, confirmed } = await submittedToken(c)
      claim(token, confirmed)
    }
    await next()
    if (claimed && c.res.status >= 400) releaseFormToken(db, claimed)
  }
}

function land(c: Context<AppEnv>, landing: { url: string; notice: string }): Response {
  setFlash(c, landing.notice)
  // 303: the browser (and htmx's fetch, which keeps its headers) follows with a GET of that page.
  return c.redirect(landing.url, 303)
}
