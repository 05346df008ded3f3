/** Ordered lists (exclusion reasons, extraction fields, quotes, concepts, levels…) keep a position per row. */
import { max, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'

/** The next position at the end of an ordered list: after the largest `position` of the rows `where` picks. */
export function nextPosition(tx: Executor, position: SQLiteColumn, where: SQL): number {
  const last = tx
    .select({ position: max(position) })
    .from(position.table)
    .where(where)
    .get()
  return Number(last?.position ?? -1) + 1
}
