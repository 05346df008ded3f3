/**
 * The review-wide list of constructs: every quote and every second-order construct of every study,
 * filtered by words that appear in them, for finding a concept across studies.
 */
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'
import { constructQuotes, firstOrderConstructs, secondOrderConstructs, studies } from '../../db/schema.ts'
import type { ConstructOrderFilter } from '../domain/constructs/orders.ts'
import type { ConstructListing } from '../domain/constructs/listing.ts'

export interface ConstructSearch {
  query: string
  order: ConstructOrderFilter
  limit?: number
}

/** `%words%` for LIKE, with the wildcard characters of the query taken literally. */
function containing(query: string): string {
  return `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
}

function matches(columns: SQLiteColumn[], query: string): SQL | undefined {
  if (query === '') return undefined
  const pattern = containing(query)
  return or(...columns.map((column) => sql`${column} like ${pattern} escape '\\'`))
}

export function searchConstructs(
  db: Executor,
  reviewId: number,
  search: ConstructSearch,
): { rows: ConstructListing[]; total: number } {
  const rows: ConstructListing[] = []
  if (search.order !== 'second') {
    const q = firstOrderConstructs
    rows.push(
      ...db
        .select({
          id: q.id,
          studyId: q.studyId,
          studyLabel: studies.label,
          text: q.quote,
          detail: q.participant,
          page: q.page,
          links: count(constructQuotes.secondOrderId),
          position: q.position,
        })
        .from(q)
        .innerJoin(studies, eq(studies.id, q.studyId))
        .leftJoin(constructQuotes, eq(constructQuotes.firstOrderId, q.id))
        .where(and(eq(q.reviewId, reviewId), matches([q.quote, q.participant, q.page], search.query)))
        .groupBy(q.id)
        .orderBy(asc(studies.label), asc(q.studyId), asc(q.position), asc(q.id))
        .all()
        .map(({ position: _p, ...row }) => ({ order: 'first' as const, ...row })),
    )
  }
  if (search.order !== 'first') {
    const c = secondOrderConstructs
    rows.push(
      ...db
        .select({
          id: c.id,
          studyId: c.studyId,
          studyLabel: studies.label,
          text: c.label,
          detail: c.description,
          page: c.page,
          links: count(constructQuotes.firstOrderId),
          position: c.position,
        })
        .from(c)
        .innerJoin(studies, eq(studies.id, c.studyId))
        .leftJoin(constructQuotes, eq(constructQuotes.secondOrderId, c.id))
        .where(and(eq(c.reviewId, reviewId), matches([c.label, c.description, c.page], search.query)))
        .groupBy(c.id)
        .orderBy(asc(studies.label), asc(c.studyId), asc(c.position), asc(c.id))
        .all()
        .map(({ position: _p, ...row }) => ({ order: 'second' as const, ...row })),
    )
  }
  // Study by study, second-order constructs before the quotes, as a concept list reads.
  rows.sort(
    (a, b) =>
      a.studyLabel.localeCompare(b.studyLabel) ||
      a.studyId - b.studyId ||
      (a.order === b.order ? 0 : a.order === 'second' ? -1 : 1),
  )
  return { rows: search.limit === undefined ? rows : rows.slice(0, search.limit), total: rows.length }
}
