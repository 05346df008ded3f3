/**
 * Deduplication as stored facts: every proposed pair is kept with its score and evidence; automatic
 * merges and a reviewer's decisions set duplicate_of. Nothing is deleted, so each record keeps its
 * source and the per-database counts stay true.
 */
import { and, asc, count, eq, gt, inArray, max } from 'drizzle-orm'
import { READ_ONLY, type Db, type Executor } from '../../db/client.ts'
import { auditEvents, dedupRuns, duplicateCandidates, importBatches, records } from '../../db/schema.ts'
import { findDuplicates, pairKey, type DedupResult } from '../domain/dedup/index.ts'
import { recordAuditEvent } from './audit.ts'
import { columnsOf } from './columns.ts'
import type { CitationRow } from '../domain/dedup/candidate-pairs.ts'
import { CITATION_FIELDS } from '../domain/formats/bibliographic-record.ts'

/** What `weft dedup --json` prints. */
export interface DedupReport {
  /** Pairs proposed by this run (automatic and for review). */
  candidates: number
  /** Records this run linked to a primary automatically. */
  merged_auto: number
  /** Pairs waiting for a reviewer, this run's and earlier ones. */
  pending: number
}

/** The columns deduplication compares, plus the record's current primary. */
export const citationColumns = columnsOf(records, [
  'id',
  ...CITATION_FIELDS,
  'abstract',
  'publicationType',
  'duplicateOf',
])

/** Records are read this many at a time, so a run can say how far it has read. */
const READ_PAGE = 5000

/** The review's records for comparison, read a page at a time (keyset on id), telling `onRead` how many so far. */
function dedupRecords(db: Executor, reviewId: number, onRead?: (read: number, total: number) => void): CitationRow[] {
  const total = db.select({ n: count() }).from(records).where(eq(records.reviewId, reviewId)).get()?.n ?? 0
  const rows: CitationRow[] = []
  for (let after = 0; ;) {
    const page = db
      .select(citationColumns)
      .from(records)
      .where(and(eq(records.reviewId, reviewId), gt(records.id, after)))
      .orderBy(asc(records.id))
      .limit(READ_PAGE)
      .all()
    rows.push(...page)
    onRead?.(rows.length, total)
    if (page.length < READ_PAGE) return rows
    after = page[page.length - 1]!.id
  }
}

export function countPendingDuplicates(db: Executor, reviewId: number): number {
  return (
    db
      .select({ n: count() })
      .from(duplicateCandidates)
      .where(and(eq(duplicateCandidates.reviewId, reviewId), eq(duplicateCandidates.status, 'pending')))
      .get()?.n ?? 0
  )
}

/**
 * Everything one deduplication run reads, taken in one snapshot: the batches not yet deduplicated, all
 * records of the review, the pairs reviewers decided, and the review's latest audit event, which moves
 * with every change to the review (an import, a reviewer's decision), so a result computed from a stale
 * snapshot is recognised before it is written.
 */
export interface DedupWork {
  reviewId: number
  newBatches: number[]
  records: CitationRow[]
  newIds: Set<number>
  decidedPairs: Set<string>
  keptApart: [number, number][]
  version: number
}

function reviewVersion(db: Executor, reviewId: number): number {
  return (
    db
      .select({ id: max(auditEvents.id) })
      .from(auditEvents)
      .where(eq(auditEvents.reviewId, reviewId))
      .get()?.id ?? 0
  )
}

function batchesToDeduplicate(db: Executor, reviewId: number): number[] {
  return db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(and(eq(importBatches.reviewId, reviewId), eq(importBatches.deduplicated, false)))
    .orderBy(importBatches.id)
    .all()
    .map((batch) => batch.id)
}

/** True when some import of the review has not been deduplicated yet. */
export function hasBatchesToDeduplicate(db: Executor, reviewId: number): boolean {
  return batchesToDeduplicate(db, reviewId).length > 0
}

/**
 * Reads what a run needs, in one read transaction; null when every batch is deduplicated already.
 * `onRead` hears how many of the review's records have been read.
 */
export function loadDedupWork(
  db: Db,
  reviewId: number,
  onRead?: (read: number, total: number) => void,
): DedupWork | null {
  return db.transaction((tx) => {
    const newBatches = batchesToDeduplicate(tx, reviewId)
    if (newBatches.length === 0) return null
    const newIds = new Set(
      tx
        .select({ id: records.id })
        .from(records)
        .where(inArray(records.batchId, newBatches))
        .all()
        .map((record) => record.id),
    )
    const decided = tx
      .select({ a: duplicateCandidates.recordA, b: duplicateCandidates.recordB, status: duplicateCandidates.status })
      .from(duplicateCandidates)
      .where(eq(duplicateCandidates.reviewId, reviewId))
      .all()
    return {
      reviewId,
      newBatches,
      records: dedupRecords(tx, reviewId, onRead),
      newIds,
      decidedPairs: new Set(decided.map((pair) => pairKey(pair.a, pair.b))),
      keptApart: decided
        .filter((pair) => pair.status === 'rejected')
        .map((pair) => [pair.a, pair.b] as [number, number]),
      version: reviewVersion(tx, reviewId),
    }
  }, READ_ONLY)
}

/** Compares the work's records (pure, the long part): the new ones with each other and with the rest. */
export function compareDedupWork(work: DedupWork, onProgress?: (share: number) => void): DedupResult {
  const { newIds, decidedPairs, keptApart } = work
  return findDuplicates(work.records, { newIds, decidedPairs, keptApart, ...(onProgress ? { onProgress } : {}) })
}

/**
 * Writes a run's result in one transaction: the pairs, the links to each cluster's primary, the batches
 * marked deduplicated, one audit event. Returns null, writing nothing, when the review changed since the
 * work was read (the caller reads it again).
 */
export function saveDedupResult(
  db: Db,
  work: DedupWork,
  result: DedupResult,
  actorId: number | null,
): DedupReport | null {
  return db.transaction(
    (tx) => {
      if (reviewVersion(tx, work.reviewId) !== work.version) return null
      if (batchesToDeduplicate(tx, work.reviewId).join(',') !== work.newBatches.join(',')) return null
      return writeResult(db, tx, work, result, actorId)
    },
    { behavior: 'immediate' },
  )
}

/**
 * Compares the records of batches not yet deduplicated with each other and with everything imported
 * before; one transaction. What `weft dedup` runs.
 */
export function runDeduplication(db: Db, reviewId: number, actorId: number | null): DedupReport {
  return db.transaction((tx) => {
    const work = loadDedupWork(db, reviewId)
    if (work === null) return { candidates: 0, merged_auto: 0, pending: countPendingDuplicates(db, reviewId) }
    return writeResult(db, tx, work, compareDedupWork(work), actorId)
  })
}

function writeResult(db: Db, tx: Executor, work: DedupWork, result: DedupResult, actorId: number | null): DedupReport {
  const { reviewId, newBatches } = work
  const wasDuplicateOf = new Map(work.records.map((record) => [record.id, record.duplicateOf ?? null]))
  const insertCandidate = db.$client.prepare(
    `insert into duplicate_candidates (review_id, record_a, record_b, score, reason, evidence, status, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const now = Date.now()
  for (const pair of result.candidates) {
    const status = pair.decision === 'auto' ? 'merged_automatically' : 'pending'
    insertCandidate.run(
      reviewId,
      pair.aId,
      pair.bId,
      pair.score,
      pair.reason,
      JSON.stringify(pair.evidence),
      status,
      now,
    )
  }
  const linkToPrimary = db.$client.prepare('update records set duplicate_of = ? where id = ?')
  let mergedAuto = 0
  for (const cluster of result.clusters) {
    linkToPrimary.run(null, cluster.primaryId)
    for (const id of cluster.duplicateIds) {
      if (wasDuplicateOf.get(id) !== cluster.primaryId) mergedAuto += 1
      linkToPrimary.run(cluster.primaryId, id)
    }
  }
  const report: DedupReport = {
    candidates: result.candidates.length,
    merged_auto: mergedAuto,
    pending: countPendingDuplicates(tx, reviewId),
  }
  // Kept per run, so each import's page shows the run that compared it, whatever ran after.
  const run = tx
    .insert(dedupRuns)
    .values({
      reviewId,
      candidates: report.candidates,
      mergedAuto: report.merged_auto,
      pendingAfter: report.pending,
      actorId,
    })
    .returning({ id: dedupRuns.id })
    .get()
  tx.update(importBatches)
    .set({ deduplicated: true, dedupRunId: run.id })
    .where(inArray(importBatches.id, newBatches))
    .run()
  recordAuditEvent(tx, {
    reviewId,
    actorId,
    action: 'duplicates.found',
    entityType: 'review',
    entityId: reviewId,
    after: { ...report, batches: newBatches },
  })
  return report
}
