/**
 * The review-wide list of constructs: every quote and every second-order construct of every study,
 * filtered by words that appear in them, for finding a concept across studies.
 */
import { and, asc, count, eq, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'
import { constructQuotes, firstOrderConstructs, secondOrderConstructs, studies } from '../../db/schema.ts'
import type { ConstructOrderFilter } from '../domain/constructs/orders.ts'
import type { ConstructListing } from '../domain/constructs/listing.ts'
import { anyContains } from './text-search.ts'

export interface ConstructSearch {
  query: string
  order: ConstructOrderFilter
  limit?: number
}

function matches(columns: SQLiteColumn[], query: string): SQL | undefined {
  return query === '' ? undefined : anyContains(columns, query)
}

export function searchConstructs(
  db: Executor,
  reviewId: number,
  search: ConstructSearch,
): { rows: ConstructListing[]; total: number } {
  const rows = [
    ...(search.order !== 'second' ? ofOrder(db, reviewId, 'first', search.query) : []),
    ...(search.order !== 'first' ? ofOrder(db, reviewId, 'second', search.query) : []),
  ]
  // Study by study, second-order constructs before the quotes, as a concept list reads.
  rows.sort(
    (a, b) =>
      a.studyLabel.localeCompare(b.studyLabel) ||
      a.studyId - b.studyId ||
      (a.order === b.order ? 0 : a.order === 'second' ? -1 : 1),
  )
  return { rows: search.limit === undefined ? rows : rows.slice(0, search.limit), total: rows.length }
}

/** Where each order keeps its text: a quote and its participant, a construct's label and description. */
const ORDER_COLUMNS = {
  first: {
    table: firstOrderConstructs,
    text: firstOrderConstructs.quote,
    detail: firstOrderConstructs.participant,
    own: constructQuotes.firstOrderId,
    other: constructQuotes.secondOrderId,
  },
  second: {
    table: secondOrderConstructs,
    text: secondOrderConstructs.label,
    detail: secondOrderConstructs.description,
    own: constructQuotes.secondOrderId,
    other: constructQuotes.firstOrderId,
  },
} as const

/** One order's items that match the query, each with how many items of the other order it is linked to. */
function ofOrder(db: Executor, reviewId: number, order: 'first' | 'second', query: string): ConstructListing[] {
  const { table, text, detail, own, other } = ORDER_COLUMNS[order]
  return db
    .select({
      id: table.id,
      studyId: table.studyId,
      studyLabel: studies.label,
      text,
      detail,
      page: table.page,
      links: count(other),
      position: table.position,
    })
    .from(table)
    .innerJoin(studies, eq(studies.id, table.studyId))
    .leftJoin(constructQuotes, eq(own, table.id))
    .where(and(eq(table.reviewId, reviewId), matches([text, detail, table.page], query)))
    .groupBy(table.id)
    .orderBy(asc(studies.label), asc(table.studyId), asc(table.position), asc(table.id))
    .all()
    .map(({ position: _p, ...row }) => ({ order, ...row }))
}
