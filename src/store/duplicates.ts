/**
 * Deduplication as stored facts: every proposed pair is kept with its score and evidence; automatic
 * merges and a reviewer's decisions set duplicate_of. Nothing is deleted, so each record keeps its
 * source and the per-database counts stay true.
 */
import { and, count, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { duplicateCandidates, importBatches, records } from '../../db/schema.ts'
import { findDuplicates, pairKey, type DedupRecord } from '../domain/dedup/index.ts'
import { recordAuditEvent } from './audit.ts'

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
export const citationColumns = {
  id: records.id,
  title: records.title,
  authors: records.authors,
  year: records.year,
  journal: records.journal,
  volume: records.volume,
  issue: records.issue,
  pages: records.pages,
  doi: records.doi,
  pmid: records.pmid,
  abstract: records.abstract,
  publicationType: records.publicationType,
  duplicateOf: records.duplicateOf,
}

export type CitationRow = DedupRecord & { duplicateOf: number | null }

function dedupRecords(db: Db, reviewId: number): CitationRow[] {
  return db
    .select(citationColumns)
    .from(records)
    .where(eq(records.reviewId, reviewId))
    .all()
}

export function countPendingDuplicates(db: Db, reviewId: number): number {
  return (
    db
      .select({ n: count() })
      .from(duplicateCandidates)
      .where(and(eq(duplicateCandidates.reviewId, reviewId), eq(duplicateCandidates.status, 'pending')))
      .get()?.n ?? 0
  )
}

/**
 * Compares the records of batches not yet deduplicated with each other and with everything imported
 * before; one transaction.
 */
export function runDeduplication(db: Db, reviewId: number, actorId: number | null): DedupReport {
  return db.transaction((tx) => {
    const newBatches = tx
      .select({ id: importBatches.id })
      .from(importBatches)
      .where(and(eq(importBatches.reviewId, reviewId), eq(importBatches.deduplicated, false)))
      .all()
      .map((batch) => batch.id)
    if (newBatches.length === 0) return { candidates: 0, merged_auto: 0, pending: countPendingDuplicates(db, reviewId) }
    const newIds = new Set(
      tx
        .select({ id: records.id })
        .from(records)
        .where(inArray(records.batchId, newBatches))
        .all()
        .map((record) => record.id),
    )
    const decidedPairs = new Set(
      tx
        .select({ a: duplicateCandidates.recordA, b: duplicateCandidates.recordB })
        .from(duplicateCandidates)
        .where(eq(duplicateCandidates.reviewId, reviewId))
        .all()
        .map((pair) => pairKey(pair.a, pair.b)),
    )
    const existing = dedupRecords(db, reviewId)
    const wasDuplicateOf = new Map(existing.map((record) => [record.id, record.duplicateOf ?? null]))
    const result = findDuplicates(existing, { newIds, decidedPairs })

    const insertCandidate = db.$client.prepare(
      `insert into duplicate_candidates (review_id, record_a, record_b, score, reason, evidence, status, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const now = Date.now()
    for (const pair of result.candidates) {
      const status = pair.decision === 'auto' ? 'merged_automatically' : 'pending'
      insertCandidate.run(reviewId, pair.aId, pair.bId, pair.score, pair.reason, JSON.stringify(pair.evidence), status, now)
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
    tx.update(importBatches).set({ deduplicated: true }).where(inArray(importBatches.id, newBatches)).run()
    const report: DedupReport = {
      candidates: result.candidates.length,
      merged_auto: mergedAuto,
      pending: countPendingDuplicates(db, reviewId),
    }
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'duplicates.found',
      entityType: 'review',
      entityId: reviewId,
      after: { ...report, batches: newBatches },
    })
    return report
  })
}
