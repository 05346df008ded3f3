/**
 * Importing a reference file into a source of a review, in two steps. The file is first parsed into a
 * staging database of its own (a temporary file): the slow part, parsing and normalising, holds no lock
 * on the review's database, so reviewers' votes go on meanwhile. The staged records are then copied into
 * the review in one transaction, so the whole file lands or nothing does, and the write lock is held
 * only for the copy. A 100,000-record file never sits in memory as records all at once.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { importBatches, type ImportBatch } from '../../db/schema.ts'
import type { BibliographicRecord } from '../domain/formats/bibliographic-record.ts'
import {
  parseReferenceStream,
  type ColumnMapping,
  type FormatName,
  type StreamSummary,
} from '../domain/formats/index.ts'
import type { SourceKind } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { newStagingFolder } from './import-staging-folders.ts'
import { createSource, findSourceByName } from './sources.ts'
import type { ImportSummary, ImportOutcome, ImportProgress } from '../domain/import-outcome.ts'

export interface ImportRequest {
  reviewId: number
  sourceId: number
  fileName: string
  /** Hex SHA-256 of the file, computed by the caller while reading it. */
  sha256: string
  sizeBytes: number
  /** The file's bytes, in order; read synchronously while the file is staged. */
  chunks: Iterable<Uint8Array>
  format?: FormatName | undefined
  columnMapping?: ColumnMapping | undefined
  actorId: number | null
  /** The reviewer insists on importing a file this review already has. */
  allowRepeat?: boolean
  /** Told as the file is read and as its records are stored. */
  onProgress?: ((progress: ImportProgress) => void) | undefined
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

/** The record columns a file provides, in the order the staging table and the copy list them. */
const STAGED_COLUMNS = `line, title, abstract, authors, year, journal, volume, issue, pages, doi, pmid, keywords,
  language, url, publication_type, original_text, csl, flag`

/** Staged records copied per statement: between two, the storing progress is reported. */
const COPY_ROWS = 10_000

/** A file parsed into its staging database, not yet in the review. */
interface StagedFile {
  path: string
  /** Attached to the review's connection as `staging` (not inside a caller's transaction). */
  attached: boolean
  parsed: StreamSummary
  flagged: number
  remove: () => void
}

/** Counts the bytes the parser has taken, to say how far through the file it is. */
function* counted(chunks: Iterable<Uint8Array>, onBytes: (bytes: number) => void): Generator<Uint8Array> {
  let bytes = 0
  for (const chunk of chunks) {
    yield chunk
    bytes += chunk.length
    onBytes(bytes)
  }
}

/** Parses the file into a new staging database; nothing touches the review's database. */
function stageFile(request: Omit<ImportRequest, 'sourceId'>): StagedFile {
  const folder = newStagingFolder()
  const remove = () => rmSync(folder, { recursive: true, force: true })
  const path = join(folder, 'staged.db')
  const staging = new Database(path)
  try {
    // A scratch file: nothing in it survives a crash worth keeping, so it skips the journal.
    staging.pragma('journal_mode = OFF')
    staging.pragma('synchronous = OFF')
    // The review's pages are 32 KiB for the same reason (db/client.ts): a row with its export text fits one.
    staging.pragma('page_size = 32768')
    staging.exec(`create table staged (${STAGED_COLUMNS})`)
    const insert = staging.prepare(`insert into staged (${STAGED_COLUMNS}) values (${'?, '.repeat(17)}?)`)
    let flagged = 0
    let records = 0
    const store = (record: BibliographicRecord) => {
      const flag = record.title ? null : NO_TITLE_FLAG
      if (flag) flagged += 1
      records += 1
      // Positional, in STAGED_COLUMNS' order: binding by name costs more at this volume.
      insert.run(
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
    const report = (bytes: number) =>
      request.onProgress?.({ phase: 'reading', bytes, totalBytes: request.sizeBytes, records })
    const parsed = staging.transaction(() =>
      parseReferenceStream(counted(request.chunks, report), {
        format: request.format,
        columnMapping: request.columnMapping,
        onRecords: (found) => found.forEach(store),
      }),
    )()
    return { path, parsed, flagged, remove, attached: false }
  } catch (error) {
    remove()
    throw error
  } finally {
    staging.close()
  }
}

/** Why a staged file cannot be imported, or null when it can. */
function refusal(parsed: StreamSummary): ImportOutcome<ImportBatch> | null {
  if (parsed.needsMapping) return { status: 'needs_mapping', headers: parsed.needsMapping.headers }
  if (parsed.format === 'unknown' || parsed.recordCount === 0) {
    const errors = parsed.issues.length > 0 ? parsed.issues : [{ line: 1, message: 'The file holds no references.' }]
    return { status: 'unreadable', format: parsed.format, errors }
  }
  return null
}

type CopyRows = (after: number, upTo: number) => void

/** Copies staged rows (by rowid) inside the database engine, from the attached staging database. */
function copyAttached(db: Db, batchId: number, request: Omit<ImportRequest, 'chunks'>): CopyRows {
  const copy = db.$client.prepare(
    `insert into records (review_id, source_id, batch_id, ${STAGED_COLUMNS})
     select ?, ?, ?, ${STAGED_COLUMNS} from staging.staged where rowid > ? and rowid <= ? order by rowid`,
  )
  return (after, upTo) => copy.run(request.reviewId, request.sourceId, batchId, after, upTo)
}

/**
 * Copies staged rows through a connection of their own: for an import inside a caller's transaction
 * (the demo's seed), where the staging database could be attached but not detached again.
 */
function copyThrough(db: Db, batchId: number, request: Omit<ImportRequest, 'chunks'>, staged: StagedFile): CopyRows {
  const insert = db.$client.prepare(
    `insert into records (review_id, source_id, batch_id, ${STAGED_COLUMNS}) values (${'?, '.repeat(20)}?)`,
  )
  return (after, upTo) => {
    const staging = new Database(staged.path, { readonly: true })
    try {
      const rows = staging.prepare('select * from staged where rowid > ? and rowid <= ? order by rowid').raw()
      for (const row of rows.iterate(after, upTo) as Iterable<unknown[]>) {
        insert.run(request.reviewId, request.sourceId, batchId, ...row)
      }
    } finally {
      staging.close()
    }
  }
}

/** The staged records as a batch of the review, with its audit event: inside the caller's transaction. */
function storeStaged(
  db: Db,
  request: Omit<ImportRequest, 'chunks'>,
  staged: StagedFile,
): ImportOutcome<ImportBatch> & { status: 'imported' } {
  const { parsed, flagged } = staged
  const batch = db
    .insert(importBatches)
    .values({
      reviewId: request.reviewId,
      sourceId: request.sourceId,
      fileName: request.fileName,
      format: parsed.format,
      encoding: parsed.encoding,
      sha256: request.sha256,
      sizeBytes: request.sizeBytes,
      recordsRead: parsed.recordCount,
      recordsFlagged: flagged,
      issues: parsed.issues,
      importedBy: request.actorId,
    })
    .returning({ id: importBatches.id })
    .get()
  const total = parsed.recordCount
  const copyRows = staged.attached ? copyAttached(db, batch.id, request) : copyThrough(db, batch.id, request, staged)
  request.onProgress?.({ phase: 'storing', stored: 0, total })
  for (let done = 0; done < total; done = Math.min(total, done + COPY_ROWS)) {
    copyRows(done, done + COPY_ROWS)
    request.onProgress?.({ phase: 'storing', stored: Math.min(total, done + COPY_ROWS), total })
  }
  const summary: ImportSummary = {
    format: parsed.format as ImportSummary['format'],
    read: total,
    imported: total,
    flagged,
    errors: parsed.issues,
    batch: batch.id,
  }
  recordAuditEvent(db, {
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
  return { status: 'imported', summary }
}

/**
 * Stages the file, then runs `store` (one transaction) with the staging database attached; the staging
 * file is gone afterwards whatever happened. A file that cannot be imported never reaches `store`.
 */
function withStagedFile<T>(
  db: Db,
  request: Omit<ImportRequest, 'sourceId'>,
  store: (staged: StagedFile) => T,
): T | ImportOutcome<ImportBatch> {
  const staged = stageFile(request)
  try {
    const refused = refusal(staged.parsed)
    if (refused) return refused
    // A database cannot be detached inside a transaction: an import within one copies without attaching.
    if (db.$client.inTransaction) return store(staged)
    db.$client.prepare('attach database ? as staging').run(staged.path)
    try {
      return store({ ...staged, attached: true })
    } finally {
      db.$client.exec('detach database staging')
    }
  } finally {
    staged.remove()
  }
}

export function importReferenceFile(db: Db, request: ImportRequest): ImportOutcome<ImportBatch> {
  const earlier = findEarlierImport(db, request.reviewId, request.sha256)
  if (earlier && !request.allowRepeat) return { status: 'already_imported', earlier }
  return withStagedFile(db, request, (staged) => db.transaction(() => storeStaged(db, request, staged)))
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
  const { source: target, ...rest } = request
  const repeat = () => {
    const earlier = findEarlierImport(db, request.reviewId, request.sha256)
    return earlier && !request.allowRepeat ? ({ status: 'already_imported', earlier } as const) : null
  }
  const before = repeat()
  if (before) return before
  try {
    return withStagedFile(db, rest, (staged) =>
      db.transaction((tx) => {
        // Asked again inside the transaction: the same file may have landed while this one was parsed.
        const earlier = repeat()
        if (earlier) throw new NothingToImport(earlier)
        const source =
          'sourceId' in target
            ? { id: target.sourceId, name: '' }
            : (findSourceByName(tx, request.reviewId, target.newSource.name) ??
              createSource(tx, request.reviewId, { ...BLANK_SOURCE, ...target.newSource }, request.actorId))
        return { ...storeStaged(db, { ...rest, sourceId: source.id }, staged), sourceName: source.name }
      }),
    )
  } catch (error) {
    if (error instanceof NothingToImport) return error.outcome
    throw error
  }
}
