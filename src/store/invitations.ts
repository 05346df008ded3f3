/**
 * Invitations: an owner makes a link for one person and role; the person opens it to join (creating their
 * account, or with the one they are signed in to). The link's token is shown once, when it is made: like a
 * session secret (sessions.ts) only its SHA-256 is stored.
 */
import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { invitations, reviews, users, type Invitation, type User } from '../../db/schema.ts'
import { randomToken, sha256 } from '../auth/tokens.ts'
import { INVITATION_CLOSED, INVITATION_LIFETIME_MS, invitationState } from '../domain/invitations.ts'
import type { MemberRole } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { addMember, findMembership } from './memberships.ts'
import { findUserByEmail, insertUser } from './users.ts'

export interface CreatedInvitation {
  invitation: Invitation
  /** The secret half of the link; not stored, so shown only now. */
  token: string
}

/**
 * Makes an invitation for `email` in `role`. A newer invitation replaces a pending one for the same
 * person, so only the latest link works.
 */
export function createInvitation(
  db: Executor,
  request: { reviewId: number; email: string; role: MemberRole; actorId: number; now: Date },
): CreatedInvitation {
  const email = request.email.trim().toLowerCase()
  return db.transaction((tx) => {
    const existing = findUserByEmail(tx, email)
    if (existing && findMembership(tx, request.reviewId, existing.id)) {
      throw new StoreConflictError(`${existing.name} (${email}) is already a member of this review.`, 'email')
    }
    tx.update(invitations)
      .set({ revokedAt: request.now })
      .where(and(stillPending(request.reviewId, request.now), eq(invitations.email, email)))
      .run()
    const token = randomToken(32)
    const invitation = tx
      .insert(invitations)
      .values({
        reviewId: request.reviewId,
        tokenHash: sha256(token),
        email,
        role: request.role,
        createdBy: request.actorId,
        createdAt: request.now,
        expiresAt: new Date(request.now.getTime() + INVITATION_LIFETIME_MS),
      })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId: request.reviewId,
      actorId: request.actorId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { email, role: request.role, expiresAt: invitation.expiresAt.toISOString() },
    })
    return { invitation, token }
  })
}

/** Not used, not withdrawn, not expired: one review's, or (null) every review's. */
function stillPending(reviewId: number | null, now: Date) {
  return and(
    reviewId === null ? undefined : eq(invitations.reviewId, reviewId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  )
}

export interface PendingInvitation {
  id: number
  reviewId: number
  reviewSlug: string
  reviewTitle: string
  email: string
  role: MemberRole
  invitedBy: string | null
  createdAt: Date
  expiresAt: Date
}

/** Invitations still waiting to be used, soonest to expire first: one review's, or (null) every review's. */
export function listPendingInvitations(db: Executor, reviewId: number | null, now: Date): PendingInvitation[] {
  return db
    .select({
      id: invitations.id,
      reviewId: invitations.reviewId,
      reviewSlug: reviews.slug,
      reviewTitle: reviews.title,
      email: invitations.email,
      role: invitations.role,
      invitedBy: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(reviews, eq(reviews.id, invitations.reviewId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(stillPending(reviewId, now))
    .orderBy(asc(invitations.expiresAt), asc(invitations.id))
    .all()
}

/** Withdraws a pending invitation; `reviewId` (an owner's page) keeps it to that review, null (the administrator) does not. */
export function revokeInvitation(
  db: Executor,
  request: { invitationId: number; reviewId: number | null; actorId: number; now: Date },
): Invitation {
  return db.transaction((tx) => {
    const invitation = tx.select().from(invitations).where(eq(invitations.id, request.invitationId)).get()
    if (!invitation || (request.reviewId !== null && invitation.reviewId !== request.reviewId)) {
      throw new StoreNotFoundError('There is no such invitation.')
    }
    const state = invitationState(invitation, request.now)
    if (state !== 'pending') throw new StoreConflictError(`Nothing to withdraw: ${INVITATION_CLOSED[state]}`)
    tx.update(invitations).set({ revokedAt: request.now }).where(eq(invitations.id, invitation.id)).run()
    recordAuditEvent(tx, {
      reviewId: invitation.reviewId,
      actorId: request.actorId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
    })
    return invitation
  })
}

export interface OpenedInvitation {
  invitation: Invitation
  review: { id: number; slug: string; title: string }
  invitedBy: string | null
  /** The account that already uses the invitation's email, if any. */
  accountExists: boolean
}

/** The invitation a link's token opens, whatever its state; not found when no invitation has that token. */
export function openInvitation(db: Executor, token: string): OpenedInvitation {
  const row = db
    .select({ invitation: invitations, slug: reviews.slug, title: reviews.title, invitedBy: users.name })
    .from(invitations)
    .innerJoin(reviews, eq(reviews.id, invitations.reviewId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.tokenHash, sha256(token)))
    .get()
  if (!row) throw new StoreNotFoundError('This invitation link is not valid. Check that it was copied whole.')
  return {
    invitation: row.invitation,
    review: { id: row.invitation.reviewId, slug: row.slug, title: row.title },
    invitedBy: row.invitedBy,
    accountExists: findUserByEmail(db, row.invitation.email) !== undefined,
  }
}

/** Who takes up the invitation: the person signed in, or a new account with the invitation's email. */
export type Invitee = { userId: number } | { name: string; passwordHash: string }

/**
 * Uses the invitation: one transaction makes the account (when new), the membership and both audit
 * events, and closes the link. A link already used, withdrawn or expired changes nothing.
 */
export function acceptInvitation(db: Executor, request: { token: string; invitee: Invitee; now: Date }): User {
  return db.transaction((tx) => {
    const { invitation } = openInvitation(tx, request.token)
    const state = invitationState(invitation, request.now)
    if (state !== 'pending') throw new StoreConflictError(INVITATION_CLOSED[state])
    const user =
      'userId' in request.invitee
        ? tx.select().from(users).where(eq(users.id, request.invitee.userId)).get()
        : insertUser(
            tx,
            { email: invitation.email, name: request.invitee.name, passwordHash: request.invitee.passwordHash },
            null,
          )
    if (!user) throw new StoreNotFoundError('That account no longer exists.')
    if (findMembership(tx, invitation.reviewId, user.id)) {
      throw new StoreConflictError('You are already a member of this review.')
    }
    addMember(tx, invitation.reviewId, user.email, invitation.role, user.id)
    tx.update(invitations)
      .set({ acceptedAt: request.now, acceptedBy: user.id })
      .where(eq(invitations.id, invitation.id))
      .run()
    recordAuditEvent(tx, {
      reviewId: invitation.reviewId,
      actorId: user.id,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { email: user.email, role: invitation.role },
    })
    return user
  })
}
