/** Searching stored text for words as the reviewer typed them. */
import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm'

/**
 * Any of `columns` contains `words` (SQLite's LIKE: case-insensitive for ASCII letters), with LIKE's
 * wildcards % and _ taken literally, so "like_a" does not match "like a".
 */
export function anyContains(columns: readonly SQLWrapper[], words: string): SQL {
  const pattern = `%${words.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
  return or(...columns.map((column) => sql`${column} like ${pattern} escape '\\'`))!
}
