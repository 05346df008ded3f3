import type { MiddlewareHandler } from 'hono'
import { isHtmx, isUnsafeMethod, type AppEnv } from './env.ts'

/**
 * A boosted form post pushes the URL it ended on into the history. When the post was refused (a form
 * re-rendered with its errors, 4xx), that URL is the form's action, which shows something else on reload,
 * so keep the address bar on the page the form came from.
 */
export function keepUrlOnRefusal(): MiddlewareHandler<AppEnv> {
  return async function keepUrlOnRefusal(c, next) {
    await next()
    if (isHtmx(c) && isUnsafeMethod(c.req.method) && c.res.status >= 400) c.res.headers.set('HX-Push-Url', 'false')
  }
}
