import { Hono, type Context } from 'hono'
import type { ReviewEnv } from '../../http/env.ts'
import { isHttps } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { conflictAsFormState } from '../../http/form-state.ts'
import { requireRole } from '../../http/review-access.ts'
import { formValues, validate } from '../../input/form.ts'
import { newMemberInput } from '../../input/member-input.ts'
import { StoreConflictError, StoreNotFoundError } from '../../store/errors.ts'
import { createInvitation, revokeInvitation } from '../../store/invitations.ts'
import { idParam, reviewPath } from './nav.ts'
import { ADD_MEMBER_DEFAULTS, renderMembers } from './members.tsx'

/** Owners make invitation links for a review and withdraw them (the Members page lists them). */
export const invitationRoutes = new Hono<ReviewEnv>()

/** The address the invitee opens: this server's own origin, as the owner reached it. */
export function invitationUrl(c: Context, token: string): string {
  const host = c.req.header('host') ?? new URL(c.req.url).host
  return `${isHttps(c) ? 'https' : 'http'}://${host}/invitations/${token}`
}

invitationRoutes.post('/', requireRole('owner'), async (c) => {
  const values = formValues(await c.req.parseBody())
  const input = validate(newMemberInput, values)
  if (!input.ok) return renderMembers(c, input, 422)
  const { db, now } = c.get('deps')
  try {
    const { invitation, token } = createInvitation(db, {
      reviewId: c.get('review').id,
      email: input.value.email,
      role: input.value.role,
      actorId: c.get('user').id,
      now: now(),
    })
    // Answered with the page itself, not a redirect: the link exists only in this response.
    return renderMembers(c, ADD_MEMBER_DEFAULTS, 201, {
      url: invitationUrl(c, token),
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    })
  } catch (error) {
    return renderMembers(c, conflictAsFormState(error, values), 422)
  }
})

invitationRoutes.post('/:invitationId/revoke', requireRole('owner'), (c) => {
  const { db, now } = c.get('deps')
  try {
    const invitation = revokeInvitation(db, {
      invitationId: idParam(c, 'invitationId'),
      reviewId: c.get('review').id,
      actorId: c.get('user').id,
      now: now(),
    })
    setFlash(c, `The invitation for ${invitation.email} was withdrawn; its link no longer works.`)
    return c.redirect(reviewPath(c, '/members'), 303)
  } catch (error) {
    if (error instanceof StoreNotFoundError) return renderMembers(c, formError(error.message), 404)
    if (error instanceof StoreConflictError) return renderMembers(c, formError(error.message), 409)
    throw error
  }
})

function formError(message: string) {
  return { values: ADD_MEMBER_DEFAULTS.values, errors: { _form: message } }
}
