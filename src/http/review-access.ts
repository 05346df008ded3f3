import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { voteViewer, type VoteViewer } from '../domain/screening/blinding.ts'
import { roleAtLeast, type MemberRole } from '../domain/vocabulary.ts'
import { findMembership } from '../store/memberships.ts'
import { findReviewBySlug } from '../store/reviews.ts'
import { isUnsafeMethod, type ReviewEnv } from './env.ts'

/**
 * Loads the review named in the URL and the signed-in person's role in it: 404 when there is no such
 * review, 403 for a non-member, and 403 for a viewer who tries to change anything.
 */
export function loadReview(): MiddlewareHandler<ReviewEnv> {
  return async function loadReview(c, next) {
    const { db } = c.get('deps')
    const slug = c.req.param('slug') ?? ''
    const review = findReviewBySlug(db, slug)
    if (!review) throw new HTTPException(404, { message: `There is no review at /reviews/${slug}.` })
    const membership = findMembership(db, review.id, c.get('user').id)
    if (!membership) {
      throw new HTTPException(403, {
        message: 'You are not a member of this review. Ask one of its owners to add you.',
      })
    }
    if (isUnsafeMethod(c.req.method) && membership.role === 'viewer') {
      throw new HTTPException(403, { message: 'Viewers can read this review but not change it.' })
    }
    c.set('review', review)
    c.set('role', membership.role)
    await next()
  }
}

const ROLE_NAMES: Record<MemberRole, string> = { owner: 'owners', reviewer: 'reviewers', viewer: 'members' }

/**
 * Lets through only members with at least `role`. test/integration/access.test.ts lists every route with
 * the access it needs, so a route that forgets its guard fails there.
 */
export function requireRole(role: MemberRole): MiddlewareHandler<ReviewEnv> {
  return async function requireRole(c, next) {
    if (!roleAtLeast(c.get('role'), role)) {
      throw new HTTPException(403, { message: `Only the review’s ${ROLE_NAMES[role]} can do this.` })
    }
    await next()
  }
}

/** The signed-in member as blind screening sees them (src/domain/screening/blinding.ts). */
export function voteViewerOf(c: Context<ReviewEnv>): VoteViewer & { id: number } {
  const user = c.get('user')
  return { ...voteViewer(c.get('review'), user.id, c.get('role')), id: user.id }
}
