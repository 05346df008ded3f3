/**
 * Reports sought for retrieval and what became of each: retrieved (perhaps with its PDF) or not
 * retrieved (with why). Which records are sought is stages.ts's: not a duplicate, and either included at
 * title/abstract or from an "other methods" source (PRISMA 2020 gives those no screening box). The
 * reports row is created by the first retrieval action; no row means the report still awaits retrieval.
 */
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, reports, screeningStatus, sources, users, type Report } from '../../db/schema.ts'
import { OTHER_METHOD_SOURCE_KINDS, type ReportRetrievalStatus } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { citationSummaryColumns } from './columns.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { otherMethodSourceIds, soughtRecord, soughtRecords } from './stages.ts'
import type { PrismaColumn, SoughtReport, RetrievalCounts, RetrievalFilter } from '../domain/retrieval.ts'

export interface SoughtPage {
  reports: SoughtReport[]
  /** Pass as `afterId` for the next page; null on the last page. */
  nextAfterId: number | null
}

const retrievalState = sql<ReportRetrievalStatus>`coalesce(${reports.retrieval}, 'awaiting')`
const isOtherMethod = inArray(sources.kind, [...OTHER_METHOD_SOURCE_KINDS])
const prismaColumn = sql<PrismaColumn>`case when ${isOtherMethod} then 'other_methods' else 'databases_registers' end`

/** Reports sought (stages.ts's definition), as a condition on `records`. */
function sought(db: Executor, reviewId: number): SQL {
  return soughtRecords(db, reviewId)
}

/** Records with their source and retrieval facts (if any); the caller's condition says which. */
function soughtRows(db: Executor) {
  return db
    .select(soughtColumns)
    .from(records)
    .innerJoin(sources, eq(sources.id, records.sourceId))
    .leftJoin(reports, eq(reports.recordId, records.id))
    .leftJoin(users, eq(users.id, reports.updatedBy))
}

const soughtColumns = {
  recordId: records.id,
  ...citationSummaryColumns,
  doi: records.doi,
  sourceName: sources.name,
  sourceKind: sources.kind,
  column: prismaColumn,
  retrieval: retrievalState,
  retrievalNote: sql<string>`coalesce(${reports.retrievalNote}, '')`,
  fileSha256: reports.fileSha256,
  fileName: reports.fileName,
  fileSize: reports.fileSize,
  updatedAt: reports.updatedAt,
  updatedByName: users.name,
}

/**
 * The reports sought in one review, in record order, `limit` at a time (keyset: pass the last page's
 * `nextAfterId`), optionally only those in one retrieval state.
 */
export function reportsSought(
  db: Executor,
  reviewId: number,
  options: { filter?: RetrievalFilter; afterId?: number; limit: number },
): SoughtPage {
  const filter = options.filter ?? 'all'
  const conditions = [sought(db, reviewId)]
  if (filter !== 'all') conditions.push(sql`${retrievalState} = ${filter}`)
  if (options.afterId !== undefined) conditions.push(gt(records.id, options.afterId))
  const rows = soughtRows(db)
    .where(and(...conditions))
    .orderBy(asc(records.id))
    .limit(options.limit + 1)
    .all()
  const page = rows.slice(0, options.limit)
  return { reports: page, nextAfterId: rows.length > options.limit ? (page[page.length - 1]?.recordId ?? null) : null }
}

/** One report sought in this review, or undefined when the record is not sought here. */
export function findSoughtReport(db: Executor, reviewId: number, recordId: number): SoughtReport | undefined {
  return soughtRows(db)
    .where(soughtRecord(db, reviewId, recordId))
    .get()
}

/** Counts per PRISMA column (the flow diagram's "reports sought" and "not retrieved" boxes) and in all. */
export function retrievalCounts(
  db: Executor,
  reviewId: number,
): RetrievalCounts & { byColumn: Record<PrismaColumn, RetrievalCounts> } {
  // The column from the record's source (other methods or not), the state from its reports row.
  const rows = db
    .select({
      other: sql<number>`${inArray(records.sourceId, otherMethodSourceIds(db, reviewId))}`.mapWith(Boolean),
      retrieval: retrievalState,
      n: sql<number>`count(*)`,
    })
    .from(records)
    .leftJoin(reports, eq(reports.recordId, records.id))
    .where(sought(db, reviewId))
    .groupBy(sql`1`, sql`2`)
    .all()
  const empty = (): RetrievalCounts => ({ sought: 0, awaiting: 0, retrieved: 0, notRetrieved: 0 })
  const total = empty()
  const byColumn = { databases_registers: empty(), other_methods: empty() }
  for (const row of rows) {
    const column = row.other ? byColumn.other_methods : byColumn.databases_registers
    for (const counts of [total, column]) {
      counts.sought += row.n
      if (row.retrieval === 'awaiting') counts.awaiting += row.n
      else if (row.retrieval === 'retrieved') counts.retrieved += row.n
      else counts.notRetrieved += row.n
    }
  }
  return { ...total, byColumn }
}

/** The attached full text of a report in this review, for serving it; undefined when there is none. */
export function attachedFullText(
  db: Executor,
  reviewId: number,
  recordId: number,
): { sha256: string; fileName: string; fileSize: number | null } | undefined {
  const row = db
    .select({ sha256: reports.fileSha256, fileName: reports.fileName, fileSize: reports.fileSize })
    .from(reports)
    .where(and(eq(reports.reviewId, reviewId), eq(reports.recordId, recordId)))
    .get()
  if (!row?.sha256) return undefined
  return { sha256: row.sha256, fileName: row.fileName ?? 'full-text.pdf', fileSize: row.fileSize }
}

export interface AttachedFile {
  sha256: string
  name: string
  sizeBytes: number
}

export interface RetrievalChange {
  reviewId: number
  recordId: number
  actorId: number | null
  now: Date
}

type ReportFacts = Pick<Report, 'retrieval' | 'retrievalNote' | 'fileSha256' | 'fileName' | 'fileSize'>

function factsOf(report: SoughtReport): ReportFacts {
  const { retrieval, retrievalNote, fileSha256, fileName, fileSize } = report
  return { retrieval, retrievalNote, fileSha256, fileName, fileSize }
}

function requireSought(tx: Executor, reviewId: number, recordId: number): SoughtReport {
  const report = findSoughtReport(tx, reviewId, recordId)
  if (!report) {
    throw new StoreNotFoundError(
      `Record ${recordId} is not a report sought for retrieval in this review: it is not included at title/abstract, is a duplicate, or does not exist.`,
    )
  }
  return report
}

/** A report already under full-text screening must stay retrieved: its votes would lose their object. */
function refuseIfScreenedAtFullText(tx: Executor, recordId: number): void {
  const status = tx
    .select({ outcome: screeningStatus.outcome, votes: screeningStatus.votes })
    .from(screeningStatus)
    .where(and(eq(screeningStatus.recordId, recordId), eq(screeningStatus.stage, 'full_text')))
    .get()
  if (status && (status.votes > 0 || status.outcome !== 'pending')) {
    throw new StoreConflictError(
      `Report ${recordId} is already being screened at full text, so it stays retrieved. Withdraw its full-text votes first.`,
    )
  }
}

/** Writes the report's retrieval facts (creating its row on the first action) with one audit event. */
function saveRetrieval(
  tx: Executor,
  change: RetrievalChange,
  before: SoughtReport,
  after: ReportFacts,
  action: string,
): void {
  // A stale page repeating what is already stored changes nothing, so it leaves no event either.
  const same = (Object.keys(after) as (keyof ReportFacts)[]).every((key) => before[key] === after[key])
  if (same) return
  const values = { ...after, updatedBy: change.actorId, updatedAt: change.now }
  tx.insert(reports)
    .values({ recordId: change.recordId, reviewId: change.reviewId, ...values })
    .onConflictDoUpdate({ target: reports.recordId, set: values })
    .run()
  recordAuditEvent(tx, {
    reviewId: change.reviewId,
    actorId: change.actorId,
    action,
    entityType: 'report',
    entityId: change.recordId,
    before: factsOf(before),
    after,
  })
}

/**
 * Marks a report retrieved. With `file`, attaches (or replaces) its full text; without, keeps the one
 * attached before, if any.
 */
export function markRetrieved(
  db: Executor,
  change: RetrievalChange & { file?: AttachedFile | undefined },
): SoughtReport {
  return db.transaction((tx) => {
    const before = requireSought(tx, change.reviewId, change.recordId)
    const file = change.file
    saveRetrieval(
      tx,
      change,
      before,
      {
        retrieval: 'retrieved',
        retrievalNote: '',
        fileSha256: file ? file.sha256 : before.fileSha256,
        fileName: file ? file.name : before.fileName,
        fileSize: file ? file.sizeBytes : before.fileSize,
      },
      file ? 'report.full_text_attached' : 'report.retrieved',
    )
    return requireSought(tx, change.reviewId, change.recordId)
  })
}

/** Marks a report not retrieved; `note` (required, checked at the edge) says why, for the PRISMA record. */
export function markNotRetrieved(db: Executor, change: RetrievalChange & { note: string }): SoughtReport {
  if (change.note.trim() === '') throw new StoreConflictError('Say why the report could not be retrieved.', 'note')
  return db.transaction((tx) => {
    const before = requireSought(tx, change.reviewId, change.recordId)
    refuseIfScreenedAtFullText(tx, change.recordId)
    const after: ReportFacts = {
      retrieval: 'not_retrieved',
      retrievalNote: change.note,
      fileSha256: null,
      fileName: null,
      fileSize: null,
    }
    saveRetrieval(tx, change, before, after, 'report.not_retrieved')
    return requireSought(tx, change.reviewId, change.recordId)
  })
}

/** Puts a report back to awaiting retrieval (an undo), detaching any full text; the file stays on disk. */
export function resetRetrieval(db: Executor, change: RetrievalChange): SoughtReport {
  return db.transaction((tx) => {
    const before = requireSought(tx, change.reviewId, change.recordId)
    refuseIfScreenedAtFullText(tx, change.recordId)
    const after: ReportFacts = {
      retrieval: 'awaiting',
      retrievalNote: '',
      fileSha256: null,
      fileName: null,
      fileSize: null,
    }
    saveRetrieval(tx, change, before, after, 'report.retrieval_reset')
    return requireSought(tx, change.reviewId, change.recordId)
  })
}
