/**
 * Look-ups every synthesis action starts with: the thing named in the URL or form must belong to this
 * review. A link to another review's concept, construct or study is answered as if it did not exist, so
 * one review's synthesis can never reach into another's.
 */
import { and, eq, max, type SQL } from 'drizzle-orm'
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
  const row = tx
    .select()
    .from(synthesisConcepts)
    .where(and(eq(synthesisConcepts.reviewId, reviewId), eq(synthesisConcepts.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('This review has no such concept.')
  return row
}

export function requireSecondOrder(tx: Executor, reviewId: number, id: number): SecondOrderConstruct {
  const row = tx
    .select()
    .from(secondOrderConstructs)
    .where(and(eq(secondOrderConstructs.reviewId, reviewId), eq(secondOrderConstructs.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('This review has no such second-order construct.')
  return row
}

export function requireStudy(tx: Executor, reviewId: number, id: number): Study {
  const row = tx
    .select()
    .from(studies)
    .where(and(eq(studies.reviewId, reviewId), eq(studies.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('This review has no such study.')
  return row
}

export function requireThirdOrder(tx: Executor, reviewId: number, id: number): ThirdOrderConstruct {
  const row = tx
    .select()
    .from(thirdOrderConstructs)
    .where(and(eq(thirdOrderConstructs.reviewId, reviewId), eq(thirdOrderConstructs.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('This review has no such third-order construct.')
  return row
}

export function requireLevel(tx: Executor, reviewId: number, id: number): ArgumentLevel {
  const row = tx
    .select()
    .from(argumentLevels)
    .where(and(eq(argumentLevels.reviewId, reviewId), eq(argumentLevels.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('The line of argument has no such level.')
  return row
}

export function requireNode(tx: Executor, reviewId: number, id: number): ArgumentNode {
  const row = tx
    .select()
    .from(argumentNodes)
    .where(and(eq(argumentNodes.reviewId, reviewId), eq(argumentNodes.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('The line of argument has no such node.')
  return row
}

export function requireFinding(tx: Executor, reviewId: number, id: number): CerqualFinding {
  const row = tx
    .select()
    .from(cerqualFindings)
    .where(and(eq(cerqualFindings.reviewId, reviewId), eq(cerqualFindings.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('This review has no such finding.')
  return row
}

/** The next position at the end of an ordered list. */
export function nextPosition(tx: Executor, table: SQLiteTable, column: SQLiteColumn, where: SQL): number {
  const last = tx
    .select({ position: max(column) })
    .from(table)
    .where(where)
    .get()
  return Number(last?.position ?? -1) + 1
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
