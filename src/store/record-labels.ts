/**
 * Free labels on records (Rayyan's labels): any reviewer or owner adds "qualitative" or "ask Sam" to a
 * record, at either stage; everyone in the review sees them and the screening list filters by them. A
 * label is not a vote: it says nothing about who voted what, so it is shown under blinding too.
 */
import { and, asc, count, eq, exists, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { recordLabels, records } from '../../db/schema.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'

/** Each record's labels, alphabetically; records without a label are absent. */
export function labelsOfRecords(db: Executor, reviewId: number, recordIds?: readonly number[]): Map<number, string[]> {
  if (recordIds && recordIds.length === 0) return new Map()
  const rows = db
    .select({ recordId: recordLabels.recordId, label: recordLabels.label })
    .from(recordLabels)
    .where(
      and(eq(recordLabels.reviewId, reviewId), recordIds ? inArray(recordLabels.recordId, [...recordIds]) : undefined),
    )
    .orderBy(asc(sql`lower(${recordLabels.label})`))
    .all()
  const labels = new Map<number, string[]>()
  for (const row of rows) labels.set(row.recordId, [...(labels.get(row.recordId) ?? []), row.label])
  return labels
}

/** The labels in use in a review with how many records carry each: the list's filter offers these. */
export function reviewLabels(db: Executor, reviewId: number): { label: string; records: number }[] {
  return db
    .select({ label: recordLabels.label, records: count() })
    .from(recordLabels)
    .where(eq(recordLabels.reviewId, reviewId))
    .groupBy(recordLabels.label)
    .orderBy(asc(sql`lower(${recordLabels.label})`))
    .all()
}

/** A condition on `records`: the record carries `label`. */
export function carriesLabel(db: Executor, label: string) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(recordLabels)
      .where(and(eq(recordLabels.recordId, records.id), eq(recordLabels.label, label))),
  )
}

function requireRecord(tx: Executor, reviewId: number, recordId: number): void {
  const record = tx
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.id, recordId), eq(records.reviewId, reviewId)))
    .get()
  if (!record) throw new StoreNotFoundError('This review has no such record.')
}

/**
 * Puts a label on a record. A label the review already uses in another case ("Qualitative" for
 * "qualitative") is written the way it was first written, so the filter keeps one entry per label.
 */
export function addRecordLabel(
  db: Executor,
  request: { reviewId: number; recordId: number; label: string; actorId: number; now: Date },
): string {
  return db.transaction((tx) => {
    requireRecord(tx, request.reviewId, request.recordId)
    const spelled =
      tx
        .select({ label: recordLabels.label })
        .from(recordLabels)
        .where(
          and(eq(recordLabels.reviewId, request.reviewId), sql`lower(${recordLabels.label}) = lower(${request.label})`),
        )
        .get()?.label ?? request.label
    const already = tx
      .select({ id: recordLabels.id })
      .from(recordLabels)
      .where(and(eq(recordLabels.recordId, request.recordId), eq(recordLabels.label, spelled)))
      .get()
    if (already) throw new StoreConflictError(`Record ${request.recordId} already has the label “${spelled}”.`, 'label')
    tx.insert(recordLabels)
      .values({
        reviewId: request.reviewId,
        recordId: request.recordId,
        label: spelled,
        createdBy: request.actorId,
        createdAt: request.now,
      })
      .run()
    recordAuditEvent(tx, {
      reviewId: request.reviewId,
      actorId: request.actorId,
      action: 'record.label_added',
      entityType: 'record',
      entityId: request.recordId,
      after: { label: spelled },
    })
    return spelled
  })
}

export function removeRecordLabel(
  db: Executor,
  request: { reviewId: number; recordId: number; label: string; actorId: number },
): void {
  db.transaction((tx) => {
    requireRecord(tx, request.reviewId, request.recordId)
    const removed = tx
      .delete(recordLabels)
      .where(and(eq(recordLabels.recordId, request.recordId), eq(recordLabels.label, request.label)))
      .returning({ id: recordLabels.id })
      .all()
    if (removed.length === 0) {
      throw new StoreConflictError(`Record ${request.recordId} has no label “${request.label}” (any more).`, 'label')
    }
    recordAuditEvent(tx, {
      reviewId: request.reviewId,
      actorId: request.actorId,
      action: 'record.label_removed',
      entityType: 'record',
      entityId: request.recordId,
      before: { label: request.label },
    })
  })
}
