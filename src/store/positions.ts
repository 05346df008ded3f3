/** Ordered lists (exclusion reasons, extraction fields, quotes, concepts, levels…) keep a position per row. */
import { max, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'

/** The next position at the end of an ordered list. */
export function nextPosition(tx: Executor, table: SQLiteTable, column: SQLiteColumn, where: SQL): number {
  const last = tx
    .select({ position: max(column) })
    .from(table)
    .where(where)
    .get()
  return Number(last?.position ?? -1) + 1
}
