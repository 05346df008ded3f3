import { and, asc, count, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { memberships, users, type Membership } from '../../db/schema.ts'
import type { MemberRole } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'

export interface Member {
  userId: number
  name: string
  email: string
  role: MemberRole
  since: Date
}

export function findMembership(db: Executor, reviewId: number, userId: number): Membership | undefined {
  return db
    .select()
    .from(memberships)
    .where(and(eq(memberships.reviewId, reviewId), eq(memberships.userId, userId)))
    .get()
}

export function listMembers(db: Executor, reviewId: number): Member[] {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.reviewId, reviewId))
    .orderBy(asc(users.name))
    .all()
}

function countOwners(tx: Executor, reviewId: number): number {
  return (
    tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.reviewId, reviewId), eq(memberships.role, 'owner')))
      .get()?.n ?? 0
  )
}

export function addMember(
  db: Executor,
  reviewId: number,
  email: string,
  role: MemberRole,
  actorId: number | null,
): Member {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.email, email)).get()
    if (!user) {
      throw new StoreConflictError(
        `No Weft account uses ${email}: make an invitation link for them instead (or an administrator creates the account under People).`,
        'email',
      )
    }
    if (findMembership(tx, reviewId, user.id)) {
      throw new StoreConflictError(`${user.name} is already a member of this review.`, 'email')
    }
    const membership = tx.insert(memberships).values({ reviewId, userId: user.id, role }).returning().get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'member.added',
      entityType: 'membership',
      entityId: user.id,
      after: { email: user.email, role },
    })
    return { userId: user.id, name: user.name, email: user.email, role, since: membership.createdAt }
  })
}

function requireMembership(tx: Executor, reviewId: number, userId: number): Membership {
  const membership = findMembership(tx, reviewId, userId)
  if (!membership) throw new StoreConflictError('That person is not a member of this review.')
  return membership
}

function assertNotLastOwner(tx: Executor, reviewId: number, membership: Membership): void {
  if (membership.role === 'owner' && countOwners(tx, reviewId) === 1) {
    throw new StoreConflictError('A review needs at least one owner: make someone else an owner first.')
  }
}

export function changeMemberRole(
  db: Executor,
  reviewId: number,
  userId: number,
  role: MemberRole,
  actorId: number,
): void {
  db.transaction((tx) => {
    const membership = requireMembership(tx, reviewId, userId)
    if (membership.role === role) return
    if (role !== 'owner') assertNotLastOwner(tx, reviewId, membership)
    tx.update(memberships)
      .set({ role })
      .where(and(eq(memberships.reviewId, reviewId), eq(memberships.userId, userId)))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: userId,
      before: { role: membership.role },
      after: { role },
    })
  })
}

export function removeMember(db: Executor, reviewId: number, userId: number, actorId: number): void {
  db.transaction((tx) => {
    const membership = requireMembership(tx, reviewId, userId)
    assertNotLastOwner(tx, reviewId, membership)
    tx.delete(memberships)
      .where(and(eq(memberships.reviewId, reviewId), eq(memberships.userId, userId)))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'member.removed',
      entityType: 'membership',
      entityId: userId,
      before: { role: membership.role },
    })
  })
}
