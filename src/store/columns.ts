/** Column picks for drizzle selects, so a list of a table's columns is written once. */
import { getTableColumns, type Table } from 'drizzle-orm'
import { records } from '../../db/schema.ts'

/**
 * Some of a table's columns by name, ready for `select()`.
 *
 * @example
 * db.select({ ...columnsOf(records, ['id', 'title']), source: sources.name }).from(records)…
 */
export function columnsOf<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  names: readonly K[],
): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table)
  return Object.fromEntries(names.map((name) => [name, all[name]])) as Pick<T['_']['columns'], K>
}

/** The columns of a record's CitationSummary (title, authors, year, journal): how pages name a record. */
export const citationSummaryColumns = columnsOf(records, ['title', 'authors', 'year', 'journal'])
