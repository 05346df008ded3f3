/**
 * Look-ups every synthesis action starts with: the thing named in the URL or form must belong to this
 * review. A link to another review's concept, construct or study is answered as if it did not exist, so
 * one review's synthesis can never reach into another's.
 */
import { and, eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'
import {
  argumentLevels,
  argumentNodes,
  cerqualFindings,
  secondOrderConstructs,
  studies,
  synthesisConcepts,
  thirdOrderConstructs,
  type ArgumentLevel,
  type ArgumentNode,
  type CerqualFinding,
  type SecondOrderConstruct,
  type Study,
  type SynthesisConcept,
  type ThirdOrderConstruct,
} from '../../db/schema.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'

export function requireConcept(tx: Executor, reviewId: number, id: number): SynthesisConcept {
  return requireOwn(tx, synthesisConcepts, reviewId, id, 'This review has no such concept.')
}

export function requireSecondOrder(tx: Executor, reviewId: number, id: number): SecondOrderConstruct {
  return requireOwn(tx, secondOrderConstructs, reviewId, id, 'This review has no such second-order construct.')
}

export function requireStudy(tx: Executor, reviewId: number, id: number): Study {
  return requireOwn(tx, studies, reviewId, id, 'This review has no such study.')
}

export function requireThirdOrder(tx: Executor, reviewId: number, id: number): ThirdOrderConstruct {
  return requireOwn(tx, thirdOrderConstructs, reviewId, id, 'This review has no such third-order construct.')
}

export function requireLevel(tx: Executor, reviewId: number, id: number): ArgumentLevel {
  return requireOwn(tx, argumentLevels, reviewId, id, 'The line of argument has no such level.')
}

export function requireNode(tx: Executor, reviewId: number, id: number): ArgumentNode {
  return requireOwn(tx, argumentNodes, reviewId, id, 'The line of argument has no such node.')
}

export function requireFinding(tx: Executor, reviewId: number, id: number): CerqualFinding {
  return requireOwn(tx, cerqualFindings, reviewId, id, 'This review has no such finding.')
}

type ReviewTable = SQLiteTable & { id: SQLiteColumn; reviewId: SQLiteColumn }

/** The row of `table` with this id if it belongs to the review; otherwise not found, in the reviewer's words. */
function requireOwn<T extends ReviewTable>(
  tx: Executor,
  table: T,
  reviewId: number,
  id: number,
  missing: string,
): T['$inferSelect'] {
  const row = tx
    .select()
    .from(table as ReviewTable)
    .where(and(eq(table.reviewId, reviewId), eq(table.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError(missing)
  return row as T['$inferSelect']
}

/** Labels are compared without regard to case, so "Boundaries" and "boundaries" are one concept. */
export function assertLabelFree<T extends { id: number; label: string }>(
  rows: readonly T[],
  label: string,
  what: string,
  exceptId?: number,
): void {
  const clash = rows.find((row) => row.label.toLowerCase() === label.toLowerCase() && row.id !== exceptId)
  if (clash) throw new StoreConflictError(`There is already ${what} “${clash.label}”.`, 'label')
}
