/**
 * Importing a reference file into a source of a review: one transaction, so the whole file lands or
 * nothing does. Records are parsed chunk by chunk and written as they come, so a 100,000-record file
 * never sits in memory as records all at once.
 */
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { importBatches, type ImportBatch } from '../../db/schema.ts'
import type { BibliographicRecord } from '../domain/formats/bibliographic-record.ts'
import { parseReferenceStream, type ColumnMapping, type FormatName } from '../domain/formats/index.ts'
import type { SourceKind } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { createSource, findSourceByName } from './sources.ts'
import type { ImportSummary, ImportOutcome } from '../domain/import-outcome.ts'

export interface ImportRequest {
  reviewId: number
  sourceId: number
  fileName: string
  /** Hex SHA-256 of the file, computed by the caller while reading it. */
  sha256: string
  sizeBytes: number
  /** The file's bytes, in order; read synchronously inside the transaction. */
  chunks: Iterable<Uint8Array>
  format?: FormatName | undefined
  columnMapping?: ColumnMapping | undefined
  actorId: number | null
  /** The reviewer insists on importing a file this review already has. */
  allowRepeat?: boolean
}

/** The flag a record gets when a person has to look at it; it is imported all the same. */
export const NO_TITLE_FLAG = 'no title'

export function findEarlierImport(db: Db, reviewId: number, sha256: string): ImportBatch | undefined {
  return db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.reviewId, reviewId), eq(importBatches.sha256, sha256)))
    .orderBy(desc(importBatches.id))
    .get()
}

/** Raised inside the transaction to roll it back when the file turned out to hold no records. */
class NothingToImport extends Error {
  constructor(readonly outcome: ImportOutcome<ImportBatch>) {
    super('nothing to import')
  }
}

const INSERT_RECORD = `insert into records (review_id, source_id, batch_id, line, title, abstract, authors, year,
  journal, volume, issue, pages, doi, pmid, keywords, language, url, publication_type, original_text, csl, flag)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

export function importReferenceFile(db: Db, request: ImportRequest): ImportOutcome<ImportBatch> {
  const earlier = findEarlierImport(db, request.reviewId, request.sha256)
  if (earlier && !request.allowRepeat) return { status: 'already_imported', earlier }
  // A prepared statement on the raw connection: at 100,000 rows, building each insert through the
  // query builder would cost more than parsing the file.
  const insertRecord = db.$client.prepare(INSERT_RECORD)
  try {
    return db.transaction((tx) => {
      const batch = tx
        .insert(importBatches)
        .values({
          reviewId: request.reviewId,
          sourceId: request.sourceId,
          fileName: request.fileName,
          format: request.format ?? 'unknown',
          encoding: 'utf-8',
          sha256: request.sha256,
          sizeBytes: request.sizeBytes,
          recordsRead: 0,
          recordsFlagged: 0,
          issues: [],
          importedBy: request.actorId,
        })
        .returning({ id: importBatches.id })
        .get()
      let flagged = 0
      const store = (record: BibliographicRecord) => {
        const flag = record.title ? null : NO_TITLE_FLAG
        if (flag) flagged += 1
        // Positional, in INSERT_RECORD's column order: binding by name costs more at this volume.
        insertRecord.run(
          request.reviewId,
          request.sourceId,
          batch.id,
          record.line,
          record.title,
          record.abstract,
          JSON.stringify(record.authors),
          record.year,
          record.journal,
          record.volume,
          record.issue,
          record.pages,
          record.doi,
          record.pmid,
          JSON.stringify(record.keywords),
          record.language,
          record.url,
          record.publicationType,
          record.originalText,
          record.csl ? JSON.stringify(record.csl) : null,
          flag,
        )
      }
      const parsed = parseReferenceStream(request.chunks, {
        format: request.format,
        columnMapping: request.columnMapping,
        onRecords: (found) => found.forEach(store),
      })
      if (parsed.needsMapping)
        throw new NothingToImport({ status: 'needs_mapping', headers: parsed.needsMapping.headers })
      if (parsed.format === 'unknown' || parsed.recordCount === 0) {
        const errors =
          parsed.issues.length > 0 ? parsed.issues : [{ line: 1, message: 'The file holds no references.' }]
        throw new NothingToImport({ status: 'unreadable', format: parsed.format, errors })
      }
      tx.update(importBatches)
        .set({
          format: parsed.format,
          encoding: parsed.encoding,
          recordsRead: parsed.recordCount,
          recordsFlagged: flagged,
          issues: parsed.issues,
        })
        .where(eq(importBatches.id, batch.id))
        .run()
      const summary: ImportSummary = {
        format: parsed.format,
        read: parsed.recordCount,
        imported: parsed.recordCount,
        flagged,
        errors: parsed.issues,
        batch: batch.id,
      }
      recordAuditEvent(tx, {
        reviewId: request.reviewId,
        actorId: request.actorId,
        action: 'records.imported',
        entityType: 'import_batch',
        entityId: batch.id,
        after: {
          fileName: request.fileName,
          sourceId: request.sourceId,
          sha256: request.sha256,
          ...summary,
          errors: parsed.issues.length,
        },
      })
      return { status: 'imported', summary } satisfies ImportOutcome<ImportBatch>
    })
  } catch (error) {
    if (error instanceof NothingToImport) return error.outcome
    throw error
  }
}

/** The search-log entry a file belongs to: one already there, or one named for the first time. */
export type ImportSource = { sourceId: number } | { newSource: { name: string; kind: SourceKind } }

const BLANK_SOURCE = { platform: '', dateRun: '', coverage: '', strategy: '', limits: '', filters: '', notes: '' }

/**
 * Imports a file into an existing source, or into a source it names, creating that source in the same
 * transaction: a file that cannot be imported leaves no empty source behind. A name already in the
 * search log means that source.
 */
export function importIntoSource(
  db: Db,
  request: Omit<ImportRequest, 'sourceId'> & { source: ImportSource },
): ImportOutcome<ImportBatch> & { sourceName?: string } {
  try {
    return db.transaction((tx) => {
      const { source: target, ...rest } = request
      const source =
        'sourceId' in target
          ? { id: target.sourceId, name: '' }
          : (findSourceByName(tx, request.reviewId, target.newSource.name) ??
            createSource(tx, request.reviewId, { ...BLANK_SOURCE, ...target.newSource }, request.actorId))
      const outcome = importReferenceFile(db, { ...rest, sourceId: source.id })
      if (outcome.status !== 'imported') throw new NothingToImport(outcome)
      return { ...outcome, sourceName: source.name }
    })
  } catch (error) {
    if (error instanceof NothingToImport) return error.outcome
    throw error
  }
}
