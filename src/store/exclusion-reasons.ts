import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  exclusionReasons,
  screeningDecisions,
  screeningResolutions,
  screeningStatus,
  screeningVotes,
  type ExclusionReason,
} from '../../db/schema.ts'
import { nextPosition } from './positions.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'

export function listExclusionReasons(db: Executor, reviewId: number): ExclusionReason[] {
  return db
    .select()
    .from(exclusionReasons)
    .where(eq(exclusionReasons.reviewId, reviewId))
    .orderBy(asc(exclusionReasons.position), asc(exclusionReasons.id))
    .all()
}

function requireReason(tx: Executor, reviewId: number, reasonId: number): ExclusionReason {
  const reason = tx
    .select()
    .from(exclusionReasons)
    .where(and(eq(exclusionReasons.reviewId, reviewId), eq(exclusionReasons.id, reasonId)))
    .get()
  if (!reason) throw new StoreNotFoundError('This review has no such exclusion reason.')
  return reason
}

function assertLabelFree(tx: Executor, reviewId: number, label: string, exceptId?: number): void {
  const clash = listExclusionReasons(tx, reviewId).find(
    (reason) => reason.label.toLowerCase() === label.toLowerCase() && reason.id !== exceptId,
  )
  if (clash) throw new StoreConflictError(`The list already has the reason “${clash.label}”.`, 'label')
}

export function addExclusionReason(db: Executor, reviewId: number, label: string, actorId: number): ExclusionReason {
  return db.transaction((tx) => {
    assertLabelFree(tx, reviewId, label)
    const position = nextPosition(tx, exclusionReasons.position, eq(exclusionReasons.reviewId, reviewId))
    const reason = tx.insert(exclusionReasons).values({ reviewId, label, position }).returning().get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'exclusion_reason.added',
      entityType: 'exclusion_reason',
      entityId: reason.id,
      after: { label, position: reason.position },
    })
    return reason
  })
}

export function renameExclusionReason(
  db: Executor,
  reviewId: number,
  reasonId: number,
  label: string,
  actorId: number,
): void {
  db.transaction((tx) => {
    const before = requireReason(tx, reviewId, reasonId)
    if (before.label === label) return
    assertLabelFree(tx, reviewId, label, reasonId)
    tx.update(exclusionReasons).set({ label }).where(eq(exclusionReasons.id, reasonId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'exclusion_reason.renamed',
      entityType: 'exclusion_reason',
      entityId: reasonId,
      before: { label: before.label },
      after: { label },
    })
  })
}

/** Moves a reason one place up or down the hierarchy by swapping it with its neighbour. */
export function moveExclusionReason(
  db: Executor,
  reviewId: number,
  reasonId: number,
  direction: 'up' | 'down',
  actorId: number,
): void {
  db.transaction((tx) => {
    const ordered = listExclusionReasons(tx, reviewId)
    const index = ordered.findIndex((reason) => reason.id === reasonId)
    if (index < 0) throw new StoreNotFoundError('This review has no such exclusion reason.')
    const neighbour = ordered[direction === 'up' ? index - 1 : index + 1]
    if (!neighbour) return
    const reordered = [...ordered]
    reordered[index] = neighbour
    reordered[direction === 'up' ? index - 1 : index + 1] = ordered[index] as ExclusionReason
    reordered.forEach((reason, position) => {
      tx.update(exclusionReasons).set({ position }).where(eq(exclusionReasons.id, reason.id)).run()
    })
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'exclusion_reason.moved',
      entityType: 'exclusion_reason',
      entityId: reasonId,
      before: { order: ordered.map((reason) => reason.label) },
      after: { order: reordered.map((reason) => reason.label) },
    })
  })
}

/** The records whose votes, resolutions or decision history name the reason: they keep it from being deleted. */
function recordsExcludedFor(tx: Executor, reasonId: number): number {
  const tables = [screeningVotes, screeningResolutions, screeningStatus, screeningDecisions]
  const recordIds = new Set<number>()
  for (const table of tables) {
    for (const { recordId } of tx
      .selectDistinct({ recordId: table.recordId })
      .from(table)
      .where(eq(table.reasonId, reasonId))
      .all())
      recordIds.add(recordId)
  }
  return recordIds.size
}

export function deleteExclusionReason(db: Executor, reviewId: number, reasonId: number, actorId: number): void {
  db.transaction((tx) => {
    const before = requireReason(tx, reviewId, reasonId)
    const given = recordsExcludedFor(tx, reasonId)
    if (given > 0) {
      throw new StoreConflictError(
        `“${before.label}” is the reason given for excluding ${given === 1 ? 'a record' : `${given} records`} ` +
          '(in votes, resolutions or their history), so it cannot be deleted: rename it instead, or change ' +
          'those decisions first.',
      )
    }
    tx.delete(exclusionReasons).where(eq(exclusionReasons.id, reasonId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'exclusion_reason.deleted',
      entityType: 'exclusion_reason',
      entityId: reasonId,
      before: { label: before.label, position: before.position },
    })
  })
}
