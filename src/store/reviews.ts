import { and, asc, eq, ne } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { exclusionReasons, memberships, reviews, type Review } from '../../db/schema.ts'
import { DEFAULT_EXCLUSION_REASONS } from '../domain/exclusion-reasons.ts'
import type { MemberRole } from '../domain/vocabulary.ts'
import type { ReviewInput } from '../input/review-input.ts'
import { changedFields, recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'

export function findReviewBySlug(db: Executor, slug: string): Review | undefined {
  return db.select().from(reviews).where(eq(reviews.slug, slug)).get()
}

export type ReviewWithRole = Review & { role: MemberRole }

export function listReviewsForUser(db: Executor, userId: number): ReviewWithRole[] {
  return db
    .select({ review: reviews, role: memberships.role })
    .from(memberships)
    .innerJoin(reviews, eq(reviews.id, memberships.reviewId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(reviews.title))
    .all()
    .map((row) => ({ ...row.review, role: row.role }))
}

function assertSlugFree(tx: Executor, slug: string, exceptReviewId?: number): void {
  const sameSlug = eq(reviews.slug, slug)
  const clash = tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(exceptReviewId === undefined ? sameSlug : and(sameSlug, ne(reviews.id, exceptReviewId)))
    .get()
  if (clash) throw new StoreConflictError(`Another review already uses the address “${slug}”.`, 'slug')
}

export interface CreateReviewOptions {
  ownerId: number | null
  actorId: number | null
  exclusionReasons?: readonly string[]
}

/** Creates a review with its owner and starting exclusion reasons, in one transaction. */
export function createReview(db: Executor, input: ReviewInput, options: CreateReviewOptions): Review {
  return db.transaction((tx) => {
    assertSlugFree(tx, input.slug)
    const review = tx.insert(reviews).values(input).returning().get()
    if (options.ownerId !== null) {
      tx.insert(memberships).values({ reviewId: review.id, userId: options.ownerId, role: 'owner' }).run()
    }
    const labels = options.exclusionReasons ?? DEFAULT_EXCLUSION_REASONS
    labels.forEach((label, position) => {
      tx.insert(exclusionReasons).values({ reviewId: review.id, label, position }).run()
    })
    recordAuditEvent(tx, {
      reviewId: review.id,
      actorId: options.actorId,
      action: 'review.created',
      entityType: 'review',
      entityId: review.id,
      after: { ...input, ownerId: options.ownerId },
    })
    return review
  })
}

/** Saves the protocol form; the audit event keeps only the fields that changed. */
export function updateReview(db: Executor, reviewId: number, input: ReviewInput, actorId: number): Review {
  return db.transaction((tx) => {
    const before = tx.select().from(reviews).where(eq(reviews.id, reviewId)).get()
    if (!before) throw new StoreConflictError('This review no longer exists.')
    assertSlugFree(tx, input.slug, reviewId)
    const change = changedFields(before, input)
    if (!change) return before
    const after = tx
      .update(reviews)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(reviews.id, reviewId))
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'review.updated',
      entityType: 'review',
      entityId: reviewId,
      ...change,
    })
    return after
  })
}
