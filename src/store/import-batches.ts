/**
 * Read-only views of a review's import batches, for the import page and each batch's summary. Writing
 * a batch is src/store/imports.ts's job (one transaction per file).
 */
import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { importBatches, records, sources, users, type ImportBatch } from '../../db/schema.ts'
import type { SourceKind } from '../domain/vocabulary.ts'
import type { FlaggedRecord } from '../domain/import-outcome.ts'

export type ImportBatchListing = ImportBatch & {
  sourceName: string
  sourceKind: SourceKind
  importedByName: string | null
}

function listingQuery(db: Executor) {
  return db
    .select({ batch: importBatches, sourceName: sources.name, sourceKind: sources.kind, importedByName: users.name })
    .from(importBatches)
    .innerJoin(sources, eq(sources.id, importBatches.sourceId))
    .leftJoin(users, eq(users.id, importBatches.importedBy))
}

function flatten(row: {
  batch: ImportBatch
  sourceName: string
  sourceKind: SourceKind
  importedByName: string | null
}): ImportBatchListing {
  return { ...row.batch, sourceName: row.sourceName, sourceKind: row.sourceKind, importedByName: row.importedByName }
}

/** Every import of a review, newest first. */
export function listImportBatches(db: Executor, reviewId: number): ImportBatchListing[] {
  return listingQuery(db).where(eq(importBatches.reviewId, reviewId)).orderBy(desc(importBatches.id)).all().map(flatten)
}

/** One batch, only if it belongs to the review (a link to another review's batch finds nothing). */
export function findImportBatch(db: Executor, reviewId: number, batchId: number): ImportBatchListing | undefined {
  const row = listingQuery(db)
    .where(and(eq(importBatches.reviewId, reviewId), eq(importBatches.id, batchId)))
    .get()
  return row ? flatten(row) : undefined
}

/** Several batches of a review, in the order they were imported; ids of other reviews are left out. */
export function findImportBatches(db: Executor, reviewId: number, batchIds: number[]): ImportBatchListing[] {
  if (batchIds.length === 0) return []
  return listingQuery(db)
    .where(and(eq(importBatches.reviewId, reviewId), inArray(importBatches.id, batchIds)))
    .orderBy(asc(importBatches.id))
    .all()
    .map(flatten)
}

/** The records of a batch that a person has to look at (no title…), in file order, at most `limit`. */
export function listFlaggedRecords(
  db: Executor,
  batchId: number,
  limit: number,
): { shown: FlaggedRecord[]; total: number } {
  const where = and(eq(records.batchId, batchId), isNotNull(records.flag))
  const shown = db
    .select({ id: records.id, line: records.line, flag: records.flag, authors: records.authors, year: records.year })
    .from(records)
    .where(where)
    .orderBy(asc(records.line), asc(records.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, flag: row.flag ?? '' }))
  const total = db.select({ n: count() }).from(records).where(where).get()?.n ?? 0
  return { shown, total }
}
