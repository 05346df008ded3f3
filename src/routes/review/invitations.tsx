import { Hono, type Context } from 'hono'
import { afterChange, attempt, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { isHttps } from '../../http/env.ts'
import { requireRole } from '../../http/review-access.ts'
import { newMemberInput } from '../../input/member-input.ts'
import { createInvitation, revokeInvitation } from '../../store/invitations.ts'
import { idParam, reviewPath } from './nav.ts'
import { ADD_MEMBER_DEFAULTS, refused, refusedInTable, renderMembers } from './members.tsx'

/** Owners make invitation links for a review and withdraw them (the Members page lists them). */
export const invitationRoutes = new Hono<ReviewEnv>()

/** The address the invitee opens: this server's own origin, as the owner reached it. */
export function invitationUrl(c: Context, token: string): string {
  const host = c.req.header('host') ?? new URL(c.req.url).host
  return `${isHttps(c) ? 'https' : 'http'}://${host}/invitations/${token}`
}

invitationRoutes.post('/', requireRole('owner'), (c) =>
  submitForm(c, newMemberInput, refused(c), ({ email, role }) => {
    const { db, now } = c.get('deps')
    const { invitation, token } = createInvitation(db, {
      reviewId: c.get('review').id,
      email,
      role,
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
  }),
)

invitationRoutes.post('/:invitationId/revoke', requireRole('owner'), (c) =>
  attempt({}, refusedInTable(c), () => {
    const { db, now } = c.get('deps')
    const invitation = revokeInvitation(db, {
      invitationId: idParam(c, 'invitationId'),
      reviewId: c.get('review').id,
      actorId: c.get('user').id,
      now: now(),
    })
    return afterChange(
      c,
      `The invitation for ${invitation.email} was withdrawn; its link no longer works.`,
      reviewPath(c, '/members'),
    )
  }),
)
