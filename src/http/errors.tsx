import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ErrorPage } from '../../views/errors/error-page.tsx'
import { StoreConflictError, StoreNotFoundError } from '../store/errors.ts'
import type { AppEnv } from './env.ts'
import { pageContext } from './page-context.ts'

function render(c: Context<AppEnv>, status: ContentfulStatusCode, message: string) {
  // Before the session middleware ran (e.g. a CSRF refusal) there is no signed-in person to show.
  if (c.get('user') === undefined) c.set('user', null)
  if (c.get('session') === undefined) c.set('session', null)
  if (c.get('flash') === undefined) c.set('flash', null)
  return c.render(<ErrorPage page={pageContext(c.var)} status={status} message={message} />, { status })
}

export function renderNotFound(c: Context<AppEnv>) {
  return render(
    c,
    404,
    `There is nothing at ${new URL(c.req.url).pathname}. Check the address, or go back to your reviews.`,
  )
}

/** A refusal whose answer was made where it was found (a replayed form's landing): sent as it is. */
export class PreparedAnswer extends HTTPException {}

/** Every refusal and failure becomes a page in the layout (or a fragment for htmx) that says what went wrong. */
export function renderError(error: Error, c: Context<AppEnv>) {
  if (error instanceof PreparedAnswer) return error.getResponse()
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode
    const message =
      error.message ||
      (status === 403
        ? 'This request was refused: it did not come from a Weft page.'
        : 'That request could not be handled.')
    return render(c, status, message)
  }
  if (error instanceof StoreNotFoundError) return render(c, 404, error.message)
  if (error instanceof StoreConflictError) return render(c, 409, error.message)
  console.error(error)
  return render(c, 500, 'Weft hit an unexpected error, and nothing of that action was saved. Please try again.')
}
