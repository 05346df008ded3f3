import { asc, count, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { importBatches, records, sources, type RecordRow } from '../../db/schema.ts'
import { afterDeduplication } from './stages.ts'

export type RecordForExport = Pick<RecordRow, 'id' | 'duplicateOf' | 'doi' | 'pmid' | 'title' | 'year'> & {
  source: string
  batch: number
}

/**
 * A review's records in import order: with `duplicates`, every record identified (duplicates say which
 * record they duplicate); without, the records after deduplication.
 */
export function recordsForExport(db: Executor, reviewId: number, options: { duplicates: boolean }): RecordForExport[] {
  return db
    .select({
      id: records.id,
      source: sources.name,
      batch: records.batchId,
      duplicateOf: records.duplicateOf,
      doi: records.doi,
      pmid: records.pmid,
      title: records.title,
      year: records.year,
    })
    .from(records)
    .innerJoin(sources, eq(sources.id, records.sourceId))
    .where(options.duplicates ? eq(records.reviewId, reviewId) : afterDeduplication(reviewId))
    .orderBy(asc(records.id))
    .all()
}

export function countImportsOfSource(db: Executor, sourceId: number): number {
  return db.select({ n: count() }).from(importBatches).where(eq(importBatches.sourceId, sourceId)).get()?.n ?? 0
}
