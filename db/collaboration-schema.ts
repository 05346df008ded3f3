/**
 * Working together on a review: invitations that bring a co-reviewer in by a link (no mail server), and
 * the free labels members put on records (Rayyan's labels). Re-exported by schema.ts.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { MEMBER_ROLES } from '../src/domain/vocabulary.ts'
import { records, reviews, users } from './schema.ts'

/**
 * An owner's invitation to join a review in a role. The link carries a random token; like a session's
 * secret, only its SHA-256 is stored, so a copy of the database opens no review. Used once, until it
 * expires or an owner revokes it.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    /** Who it is for, lower-cased: the account it creates signs in with this email. */
    email: text('email').notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: integer('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('invitations_token_hash_uq').on(t.tokenHash), index('invitations_review_idx').on(t.reviewId)],
)

/** A member's free label on a record ("qualitative", "check with Sam"): shared, at either stage, not a vote. */
export const recordLabels = sqliteTable(
  'record_labels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('record_labels_record_label_uq').on(t.recordId, t.label),
    index('record_labels_review_label_idx').on(t.reviewId, t.label),
  ],
)

export type Invitation = typeof invitations.$inferSelect
export type RecordLabel = typeof recordLabels.$inferSelect
