/**
 * Invitations to join a review: how long a link lasts, and where an invitation stands. Pure; the store
 * applies it when the link is opened and when it is used.
 */

/** A link lasts a week: long enough to reach a colleague on leave, short enough that a lost one goes stale. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired'

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return 'accepted'
  if (invitation.revokedAt) return 'revoked'
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending'
}

/** Why a link no longer works, in words the invitee can act on. */
export const INVITATION_CLOSED: Record<Exclude<InvitationState, 'pending'>, string> = {
  accepted: 'This invitation has already been used. Each link lets one person join; sign in instead.',
  revoked: 'An owner of the review withdrew this invitation. Ask them for a new link.',
  expired: 'This invitation has expired. Ask an owner of the review for a new link.',
}
