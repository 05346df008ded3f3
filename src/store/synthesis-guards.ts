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
} from '../../db/schema.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'

export const requireConcept = requireOwn(synthesisConcepts, 'This review has no such concept.')
export const requireSecondOrder = requireOwn(secondOrderConstructs, 'This review has no such second-order construct.')
export const requireStudy = requireOwn(studies, 'This review has no such study.')
export const requireThirdOrder = requireOwn(thirdOrderConstructs, 'This review has no such third-order construct.')
export const requireLevel = requireOwn(argumentLevels, 'The line of argument has no such level.')
export const requireNode = requireOwn(argumentNodes, 'The line of argument has no such node.')
export const requireFinding = requireOwn(cerqualFindings, 'This review has no such finding.')

type ReviewTable = SQLiteTable & { id: SQLiteColumn; reviewId: SQLiteColumn }

/** A look-up of `table`'s row by id that answers "not found", in the reviewer's words, outside the review. */
function requireOwn<T extends ReviewTable>(table: T, missing: string) {
  return (tx: Executor, reviewId: number, id: number): T['$inferSelect'] => {
    const row = tx
      .select()
      .from(table as ReviewTable)
      .where(and(eq(table.reviewId, reviewId), eq(table.id, id)))
      .get()
    if (!row) throw new StoreNotFoundError(missing)
    return row as T['$inferSelect']
  }
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
