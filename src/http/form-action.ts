/**
 * The one path every form takes. A refused field answers 422 with the form again, the message beside the
 * field and what was typed kept, whether the validators at the edge refused it or the store did (a
 * StoreConflictError naming its field: a taken email, a quote of another study). A clash with the state
 * of things (a StoreConflictError naming no field: the last owner, a pair already decided, a sheet already
 * finished, a stale page) answers 409 with the message above the form. Success is
 * post/redirect/get with a flash for a plain form, and the updated fragment at once for htmx.
 * Either way the page or the fragment is drawn by `c.render` (src/http/render.tsx).
 */
import type { Context } from 'hono'
import type { z } from 'zod'
import type { FormState } from '../../views/components/forms.tsx'
import { formValues, validate, type FormValues } from '../input/form.ts'
import { StoreConflictError } from '../store/errors.ts'
import { wantsPartial } from './render.tsx'
import { setFlash } from './flash.ts'

export type RefusalStatus = 409 | 422

export interface Refusal {
  status: RefusalStatus
  form: FormState
}

type Answer = Response | Promise<Response>

/** A refusal drawn as the form again: the route says how, with the form state and the status. */
export type Refused = (form: FormState, status: RefusalStatus) => Answer

/**
 * A store refusal as the form shows it: beside its field (422) when the store named one, above the form
 * (409) when it is about the state of things. Any other error is not the person's doing and goes on to
 * the error handler.
 */
export function refusalOf(error: unknown, values: Record<string, unknown> = {}): Refusal {
  if (!(error instanceof StoreConflictError)) throw error
  const shown: Record<string, string> = {}
  for (const [key, value] of Object.entries(values)) {
    if (key !== 'password' && value !== undefined && value !== null) shown[key] = String(value)
  }
  return {
    status: error.field ? 422 : 409,
    form: { values: shown, errors: { [error.field ?? '_form']: error.message } },
  }
}

/** A message of the route's own (no field): 409, shown above the form. */
export function conflict(message: string, values: FormValues = {}): Refusal {
  return { status: 409, form: { values, errors: { _form: message } } }
}

/** Runs a store change; a StoreConflictError becomes the form's refusal instead of an error page. */
export async function attempt(values: Record<string, unknown>, refused: Refused, run: () => Answer): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    const refusal = refusalOf(error, values)
    return refused(refusal.form, refusal.status)
  }
}

/**
 * Reads the posted form, validates it and runs the change: a refused field re-renders the form (422), a
 * conflict with the stored state too (409), and `apply` answers the success (usually `afterChange`).
 */
export async function submitForm<S extends z.ZodType>(
  c: Context,
  schema: S,
  refused: Refused,
  apply: (value: z.output<S>, values: FormValues) => Answer,
): Promise<Response> {
  const values = formValues(await c.req.parseBody())
  const input = validate(schema, values)
  if (!input.ok) return refused(input, 422)
  return attempt(values, refused, () => apply(input.value, values))
}

/** What a form whose checks are the route's own did: the flash (and where to), or the form refused. */
export type FormOutcome = { ok: true; done: string; to?: string } | { ok: false; form: FormState }

/**
 * For forms checked by more than one validator: `run` validates and calls the store, and says what was
 * done (a redirect to `to` with the flash) or returns the form refused (422); a store refusal is answered
 * as by `refusalOf`.
 */
export async function runForm(
  c: Context,
  to: string,
  refused: Refused,
  run: (values: FormValues, body: Record<string, unknown>) => FormOutcome,
): Promise<Response> {
  const body = await c.req.parseBody()
  const values = formValues(body)
  return attempt(values, refused, () => {
    const outcome = run(values, body)
    return outcome.ok ? afterChange(c, outcome.done, outcome.to ?? to) : refused(outcome.form, 422)
  })
}

/**
 * After a change: a plain form post goes on to `to` with `done` as the flash (post/redirect/get); an
 * htmx partial request gets `fragment()` back in place, which shows `done` itself.
 */
export function afterChange(c: Context, done: string, to: string, fragment?: () => Answer): Answer {
  if (fragment && wantsPartial(c)) return fragment()
  setFlash(c, done)
  return c.redirect(to, 303)
}
