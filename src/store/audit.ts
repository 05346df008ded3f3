import { and, desc, eq, lt } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { auditEvents, users, type AuditEvent } from '../../db/schema.ts'

export interface AuditEntry {
  reviewId: number | null
  actorId: number | null
  action: string
  entityType: string
  entityId: string | number
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/** Writes one audit event; call it inside the transaction that makes the change it describes. */
export function recordAuditEvent(tx: Executor, entry: AuditEntry): void {
  tx.insert(auditEvents)
    .values({
      reviewId: entry.reviewId,
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run()
}

export type AuditEventWithActor = AuditEvent & { actorName: string | null }

/** A review's events, newest first, `limit` at a time; pass the last id seen as `beforeId` for the next page. */
export function listAuditEvents(
  db: Executor,
  reviewId: number,
  page: { beforeId?: number | undefined; limit: number },
): AuditEventWithActor[] {
  const inReview = eq(auditEvents.reviewId, reviewId)
  return db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(page.beforeId === undefined ? inReview : and(inReview, lt(auditEvents.id, page.beforeId)))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit)
    .all()
    .map((row) => ({ ...row.event, actorName: row.actorName }))
}

/** Only the fields that changed, before and after, so an event says what the action did. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const was: Record<string, unknown> = {}
  const now: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined || before[key] === value) continue
    was[key] = before[key]
    now[key] = value
  }
  return Object.keys(now).length === 0 ? null : { before: was, after: now }
}
