/**
 * The confirmation step of a destructive form, with or without JavaScript. A form that asks first
 * (`<Form confirm="Remove Bea from this review?">`) carries its question in `_confirm`. With JavaScript,
 * weft.js asks in a dialog and adds `_confirmed=yes`; without it the post arrives unconfirmed, and this
 * answers with a page asking the question, whose Yes button sends the same fields again, confirmed.
 * Forms without `_confirm` (and every test or script that posts directly) are not affected.
 */
import type { MiddlewareHandler } from 'hono'
import { ConfirmPage } from '../../views/components/confirm-page.tsx'
import { isUnsafeMethod, type AppEnv } from './env.ts'
import { FORM_TOKEN_FIELD } from './form-token.ts'
import { pageContext } from './page-context.ts'

export const CONFIRM_FIELD = '_confirm'
export const CONFIRMED_FIELD = '_confirmed'
export const CONFIRM_BUTTON_FIELD = '_confirm_button'

/** Where "No" goes: the page the form was on (same-origin Referer), else the review, else home. */
function cancelPath(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string {
  const referer = c.req.header('referer')
  const here = new URL(c.req.url)
  if (referer && URL.canParse(referer)) {
    const from = new URL(referer)
    if (from.origin === here.origin) return from.pathname + from.search
  }
  return here.pathname.match(/^\/reviews\/[a-z0-9-]+/)?.[0] ?? '/'
}

export function confirmStep(): MiddlewareHandler<AppEnv> {
  return async function confirmStep(c, next) {
    const type = c.req.header('content-type') ?? ''
    if (!isUnsafeMethod(c.req.method) || !type.startsWith('application/x-www-form-urlencoded')) return next()
    // parseBody caches: the route reads the same body again at no cost.
    const body = await c.req.parseBody()
    const question = body[CONFIRM_FIELD]
    if (typeof question !== 'string' || question === '' || body[CONFIRMED_FIELD] === 'yes') return next()
    const fields: [string, string][] = []
    for (const [name, value] of Object.entries(body)) {
      if (name === FORM_TOKEN_FIELD || name === CONFIRMED_FIELD) continue
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') fields.push([name, item])
    }
    const button = body[CONFIRM_BUTTON_FIELD]
    return c.render(
      <ConfirmPage
        page={pageContext(c.var)}
        question={question}
        action={c.req.path}
        fields={fields}
        button={typeof button === 'string' && button ? button : 'Yes, go ahead'}
        cancel={cancelPath(c)}
      />,
    )
  }
}
