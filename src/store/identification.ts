import { and, count, eq, isNotNull, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { duplicateCandidates, records, sources } from '../../db/schema.ts'
import type { IdentificationCounts } from '../domain/identification.ts'

/** Records per source and what deduplication did with them, read from the stored facts. */
export function identificationCounts(db: Executor, reviewId: number): IdentificationCounts {
  const perSource = db
    .select({ sourceId: sources.id, name: sources.name, kind: sources.kind, records: count(records.id) })
    .from(sources)
    .leftJoin(records, eq(records.sourceId, sources.id))
    .where(eq(sources.reviewId, reviewId))
    .groupBy(sources.id)
    .orderBy(sources.id)
    .all()
  const duplicates =
    db
      .select({ n: count() })
      .from(records)
      .where(and(eq(records.reviewId, reviewId), isNotNull(records.duplicateOf)))
      .get()?.n ?? 0
  const pairs = db
    .select({ status: duplicateCandidates.status, n: count() })
    .from(duplicateCandidates)
    .where(eq(duplicateCandidates.reviewId, reviewId))
    .groupBy(duplicateCandidates.status)
    .all()
  const pairsWith = (status: string) => pairs.find((pair) => pair.status === status)?.n ?? 0
  const flagged =
    db
      .select({ n: count() })
      .from(records)
      .where(and(eq(records.reviewId, reviewId), sql`${records.flag} is not null`))
      .get()?.n ?? 0
  return {
    perSource,
    duplicateRecords: duplicates,
    confirmedPairs: pairsWith('confirmed'),
    pendingPairs: pairsWith('pending'),
    flaggedRecords: flagged,
  }
}
