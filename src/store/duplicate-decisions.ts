/**
 * A reviewer's decisions on the pairs deduplication was unsure of: "duplicate" links the two records'
 * clusters through duplicate_of, "not duplicate" leaves them apart (or splits an automatic merge), and
 * undo puts back exactly what the decision changed. Each action is one transaction with its audit
 * event, and each checks the pair's state inside that transaction, so a double click or a stale page
 * is refused instead of applied twice. Nothing is deleted: every record keeps its source and batch.
 */
import { aliasedTable, and, count, desc, eq, inArray } from 'drizzle-orm'
import type { Db, Executor } from '../../db/client.ts'
import {
  auditEvents,
  duplicateCandidates,
  importBatches,
  records,
  sources,
  users,
  type DuplicateCandidate,
} from '../../db/schema.ts'
import { choosePrimary } from '../domain/dedup/clusters.ts'
import { matchKeys } from '../domain/dedup/match-keys.ts'
import type { FieldEvidence } from '../domain/dedup/types.ts'
import { recordAuditEvent } from './audit.ts'
import { citationColumns } from './duplicates.ts'
import type { CitationRow } from '../domain/dedup/candidate-pairs.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import type { CandidatePairView, DuplicateCounts } from '../domain/dedup/candidate-pairs.ts'

type CandidateStatus = DuplicateCandidate['status']

export interface PendingPairs {
  pairs: CandidatePairView[]
  counts: DuplicateCounts
}

/** A record's duplicate_of before and after a decision: what undo puts back. */
export interface LinkChange {
  record: number
  duplicateOf: number | null
}

/** What `confirmDuplicate`, `rejectDuplicate` and `undoDuplicateDecision` did, for the reviewer's message. */
export interface DecisionOutcome {
  candidateId: number
  status: CandidateStatus
  /** The primary of the merged cluster (confirm), or the record split off (not duplicate on an automatic merge). */
  recordId: number | null
  links: LinkChange[]
}

const DECISION_ACTIONS = ['duplicate.confirmed', 'duplicate.rejected', 'duplicate.split'] as const

const recordA = aliasedTable(records, 'record_a')
const recordB = aliasedTable(records, 'record_b')
const sourceA = aliasedTable(sources, 'source_a')
const sourceB = aliasedTable(sources, 'source_b')
const batchA = aliasedTable(importBatches, 'batch_a')
const batchB = aliasedTable(importBatches, 'batch_b')

function recordColumns(r: typeof recordA, s: typeof sourceA, b: typeof batchA) {
  return {
    id: r.id,
    title: r.title,
    authors: r.authors,
    year: r.year,
    journal: r.journal,
    volume: r.volume,
    issue: r.issue,
    pages: r.pages,
    doi: r.doi,
    pmid: r.pmid,
    abstract: r.abstract,
    publicationType: r.publicationType,
    duplicateOf: r.duplicateOf,
    sourceName: s.name,
    batchId: b.id,
    batchFileName: b.fileName,
  }
}

function pairQuery(db: Executor) {
  return db
    .select({
      id: duplicateCandidates.id,
      score: duplicateCandidates.score,
      reason: duplicateCandidates.reason,
      evidence: duplicateCandidates.evidence,
      status: duplicateCandidates.status,
      decidedAt: duplicateCandidates.decidedAt,
      decidedByName: users.name,
      a: recordColumns(recordA, sourceA, batchA),
      b: recordColumns(recordB, sourceB, batchB),
    })
    .from(duplicateCandidates)
    .innerJoin(recordA, eq(recordA.id, duplicateCandidates.recordA))
    .innerJoin(sourceA, eq(sourceA.id, recordA.sourceId))
    .innerJoin(batchA, eq(batchA.id, recordA.batchId))
    .innerJoin(recordB, eq(recordB.id, duplicateCandidates.recordB))
    .innerJoin(sourceB, eq(sourceB.id, recordB.sourceId))
    .innerJoin(batchB, eq(batchB.id, recordB.batchId))
    .leftJoin(users, eq(users.id, duplicateCandidates.decidedBy))
}

function asView(row: Awaited<ReturnType<ReturnType<typeof pairQuery>['all']>>[number]): CandidatePairView {
  return { ...row, evidence: row.evidence as FieldEvidence[] }
}

export function countDuplicateCandidates(db: Executor, reviewId: number): DuplicateCounts {
  const counts: DuplicateCounts = { pending: 0, merged_automatically: 0, confirmed: 0, rejected: 0 }
  const rows = db
    .select({ status: duplicateCandidates.status, n: count() })
    .from(duplicateCandidates)
    .where(eq(duplicateCandidates.reviewId, reviewId))
    .groupBy(duplicateCandidates.status)
    .all()
  for (const row of rows) counts[row.status] = row.n
  return counts
}

/** The pairs waiting for a reviewer, most alike first, `limit` from `offset`; and the counts by status. */
export function listPendingPairs(
  db: Executor,
  reviewId: number,
  page: { offset: number; limit: number },
): PendingPairs {
  const pairs = pairQuery(db)
    .where(and(eq(duplicateCandidates.reviewId, reviewId), eq(duplicateCandidates.status, 'pending')))
    .orderBy(desc(duplicateCandidates.score), duplicateCandidates.id)
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map(asView)
  return { pairs, counts: countDuplicateCandidates(db, reviewId) }
}

/** Pairs a reviewer decided, most recent first: what the Undo buttons are for. */
export function listDecidedPairs(db: Executor, reviewId: number, limit: number): CandidatePairView[] {
  return pairQuery(db)
    .where(
      and(eq(duplicateCandidates.reviewId, reviewId), inArray(duplicateCandidates.status, ['confirmed', 'rejected'])),
    )
    .orderBy(desc(duplicateCandidates.decidedAt), desc(duplicateCandidates.id))
    .limit(limit)
    .all()
    .map(asView)
}

/** Pairs deduplication merged on its own, newest first, so a reviewer can split a wrong one. */
export function listAutomaticMerges(db: Executor, reviewId: number, limit: number): CandidatePairView[] {
  return pairQuery(db)
    .where(and(eq(duplicateCandidates.reviewId, reviewId), eq(duplicateCandidates.status, 'merged_automatically')))
    .orderBy(desc(duplicateCandidates.id))
    .limit(limit)
    .all()
    .map(asView)
}

/** One pair with its records, whatever its status; undefined for another review's pair. */
export function findCandidatePair(db: Executor, reviewId: number, candidateId: number): CandidatePairView | undefined {
  const row = pairQuery(db)
    .where(and(eq(duplicateCandidates.reviewId, reviewId), eq(duplicateCandidates.id, candidateId)))
    .get()
  return row ? asView(row) : undefined
}

// ---------------------------------------------------------------------------------------------------
// Decisions

/**
 * A decision on one pair, on the pair as it stands: one immediate transaction, so two reviewers deciding
 * the same pair at once take turns and the second sees the first's decision.
 */
function onePair(
  db: Db,
  reviewId: number,
  candidateId: number,
  decide: (tx: Executor, candidate: DuplicateCandidate) => DecisionOutcome,
): DecisionOutcome {
  return db.transaction((tx) => decide(tx, requireCandidate(tx, reviewId, candidateId)), { behavior: 'immediate' })
}

function requireCandidate(tx: Executor, reviewId: number, candidateId: number): DuplicateCandidate {
  const candidate = tx
    .select()
    .from(duplicateCandidates)
    .where(and(eq(duplicateCandidates.reviewId, reviewId), eq(duplicateCandidates.id, candidateId)))
    .get()
  if (!candidate) throw new StoreNotFoundError('This review has no such pair of possible duplicates.')
  return candidate
}

const STATE_NOW: Record<CandidateStatus, string> = {
  pending: 'is still waiting for a decision',
  merged_automatically: 'was merged automatically by deduplication',
  confirmed: 'has already been marked as duplicates',
  rejected: 'has already been marked as not duplicates',
}

function alreadyDecided(tx: Executor, candidate: DuplicateCandidate): StoreConflictError {
  const who = candidate.decidedBy
    ? tx.select({ name: users.name }).from(users).where(eq(users.id, candidate.decidedBy)).get()?.name
    : undefined
  return new StoreConflictError(
    `This pair ${STATE_NOW[candidate.status]}${who ? ` by ${who}` : ''}, so nothing was changed. ` +
      'If that decision was a mistake, undo it under “Recently decided” and decide again.',
  )
}

type LinkRow = CitationRow
const linkColumns = citationColumns

function loadRecord(tx: Executor, reviewId: number, id: number): LinkRow {
  const row = tx
    .select(linkColumns)
    .from(records)
    .where(and(eq(records.reviewId, reviewId), eq(records.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError('A record of this pair no longer exists.')
  return row
}

/** A record's primary: itself when it is no one's duplicate, else the end of its duplicate_of chain. */
function primaryOf(tx: Executor, reviewId: number, record: LinkRow): LinkRow {
  let current = record
  const seen = new Set([current.id])
  while (current.duplicateOf !== null && !seen.has(current.duplicateOf)) {
    current = loadRecord(tx, reviewId, current.duplicateOf)
    seen.add(current.id)
  }
  return current
}

/** The primary and everything that points at it, directly or through a longer chain. */
function clusterOf(tx: Executor, primary: LinkRow): LinkRow[] {
  const members = [primary]
  let frontier = [primary.id]
  const seen = new Set(frontier)
  while (frontier.length > 0) {
    const next = tx.select(linkColumns).from(records).where(inArray(records.duplicateOf, frontier)).all()
    frontier = []
    for (const row of next) {
      if (seen.has(row.id)) continue
      seen.add(row.id)
      members.push(row)
      frontier.push(row.id)
    }
  }
  return members
}

function setLinks(tx: Executor, links: readonly LinkChange[]): void {
  for (const link of links) {
    tx.update(records).set({ duplicateOf: link.duplicateOf }).where(eq(records.id, link.record)).run()
  }
}

function setStatus(
  tx: Executor,
  candidateId: number,
  status: CandidateStatus,
  actorId: number | null,
  at: Date | null,
) {
  tx.update(duplicateCandidates)
    .set({ status, decidedBy: actorId, decidedAt: at })
    .where(eq(duplicateCandidates.id, candidateId))
    .run()
}

function audit(
  tx: Executor,
  candidate: DuplicateCandidate,
  actorId: number | null,
  action: string,
  before: { status: CandidateStatus; links: LinkChange[] },
  after: Record<string, unknown> & { status: CandidateStatus; links: LinkChange[] },
) {
  recordAuditEvent(tx, {
    reviewId: candidate.reviewId,
    actorId,
    action,
    entityType: 'duplicate_candidate',
    entityId: candidate.id,
    before: { ...before, recordA: candidate.recordA, recordB: candidate.recordB },
    after: { ...after, recordA: candidate.recordA, recordB: candidate.recordB },
  })
}

/**
 * "Duplicate": the pair's two clusters become one. Its primary is the more complete of the two
 * primaries (then the longer abstract, then the lower id); every member of the other cluster points at
 * it, so chains stay one level deep. The audit event keeps each changed record's earlier duplicate_of.
 */
export function confirmDuplicate(
  db: Db,
  reviewId: number,
  candidateId: number,
  actorId: number,
  now = new Date(),
): DecisionOutcome {
  return onePair(db, reviewId, candidateId, (tx, candidate) => {
    if (candidate.status !== 'pending') throw alreadyDecided(tx, candidate)
    const primaryA = primaryOf(tx, reviewId, loadRecord(tx, reviewId, candidate.recordA))
    const primaryB = primaryOf(tx, reviewId, loadRecord(tx, reviewId, candidate.recordB))
    const rank = (r: LinkRow) => ({
      id: r.id,
      // Counted exactly as deduplication counts it when it picks a primary.
      completeness: matchKeys(r).completeness,
      abstractLength: r.abstract?.length ?? 0,
      established: false,
    })
    const winner = choosePrimary([rank(primaryA), rank(primaryB)]).id
    const members = primaryA.id === primaryB.id ? [] : [...clusterOf(tx, primaryA), ...clusterOf(tx, primaryB)]
    const moved = members.filter((m) => m.id !== winner && m.duplicateOf !== winner)
    const before = moved.map((m) => ({ record: m.id, duplicateOf: m.duplicateOf }))
    const after = moved.map((m) => ({ record: m.id, duplicateOf: winner }))
    setLinks(tx, after)
    setStatus(tx, candidate.id, 'confirmed', actorId, now)
    audit(
      tx,
      candidate,
      actorId,
      'duplicate.confirmed',
      { status: 'pending', links: before },
      {
        status: 'confirmed',
        primary: winner,
        links: after,
      },
    )
    return { candidateId, status: 'confirmed', recordId: winner, links: after }
  })
}

/**
 * "Not duplicate". On a waiting pair it only records the decision. On an automatic merge it splits the
 * pair: the record of the two that points into the cluster (the later one when both do) stands alone again.
 */
export function rejectDuplicate(
  db: Db,
  reviewId: number,
  candidateId: number,
  actorId: number,
  now = new Date(),
): DecisionOutcome {
  return onePair(db, reviewId, candidateId, (tx, candidate) => {
    if (candidate.status === 'pending') {
      setStatus(tx, candidate.id, 'rejected', actorId, now)
      audit(
        tx,
        candidate,
        actorId,
        'duplicate.rejected',
        { status: 'pending', links: [] },
        { status: 'rejected', links: [] },
      )
      return { candidateId, status: 'rejected', recordId: null, links: [] }
    }
    if (candidate.status !== 'merged_automatically') throw alreadyDecided(tx, candidate)
    const a = loadRecord(tx, reviewId, candidate.recordA)
    const b = loadRecord(tx, reviewId, candidate.recordB)
    const together = primaryOf(tx, reviewId, a).id === primaryOf(tx, reviewId, b).id
    // recordB is the larger id: the later import, split off when both point at a third record.
    const split = !together ? null : b.duplicateOf !== null ? b : a.duplicateOf !== null ? a : null
    const before = split ? [{ record: split.id, duplicateOf: split.duplicateOf }] : []
    const after = split ? [{ record: split.id, duplicateOf: null }] : []
    setLinks(tx, after)
    setStatus(tx, candidate.id, 'rejected', actorId, now)
    audit(
      tx,
      candidate,
      actorId,
      'duplicate.split',
      { status: 'merged_automatically', links: before },
      {
        status: 'rejected',
        links: after,
      },
    )
    return { candidateId, status: 'rejected', recordId: split?.id ?? null, links: after }
  })
}

interface DecisionEvent {
  id: number
  action: string
  before: { status: CandidateStatus; links: LinkChange[] }
  after: { status: CandidateStatus; links: LinkChange[] }
}

function lastDecision(tx: Executor, candidate: DuplicateCandidate): DecisionEvent | undefined {
  const event = tx
    .select({ id: auditEvents.id, action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.reviewId, candidate.reviewId),
        eq(auditEvents.entityType, 'duplicate_candidate'),
        eq(auditEvents.entityId, String(candidate.id)),
        inArray(auditEvents.action, [...DECISION_ACTIONS]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .get()
  return event as DecisionEvent | undefined
}

/**
 * Undo: puts back every duplicate_of the pair's last decision changed and the status it had (waiting,
 * or merged automatically for a split). Refused when something since has moved the same records, since
 * putting back the old links would then undo that later change too.
 */
export function undoDuplicateDecision(db: Db, reviewId: number, candidateId: number, actorId: number): DecisionOutcome {
  return onePair(db, reviewId, candidateId, (tx, candidate) => {
    if (candidate.status === 'pending' || candidate.status === 'merged_automatically') {
      throw new StoreConflictError(
        `This pair ${STATE_NOW[candidate.status]}, so there is no decision to undo and nothing was changed.` +
          (candidate.status === 'merged_automatically' ? ' To separate its records, mark it “Not duplicate”.' : ''),
      )
    }
    const decision = lastDecision(tx, candidate)
    if (!decision || decision.after.status !== candidate.status) {
      throw new StoreConflictError(
        'Weft cannot find the decision that gave this pair its state, so it cannot undo it. Nothing was changed.',
      )
    }
    const current = decision.after.links.map((link) => {
      const row = tx
        .select({ duplicateOf: records.duplicateOf })
        .from(records)
        .where(and(eq(records.reviewId, reviewId), eq(records.id, link.record)))
        .get()
      return { link, now: row === undefined ? undefined : row.duplicateOf }
    })
    if (current.some(({ link, now }) => now !== link.duplicateOf)) {
      throw new StoreConflictError(
        'These records have been linked differently since this decision (by a later decision on an overlapping ' +
          'pair, or by deduplication), so undoing it now would undo that too. Nothing was changed. Undo the later ' +
          'decision first, then this one.',
      )
    }
    setLinks(tx, decision.before.links)
    setStatus(tx, candidate.id, decision.before.status, null, null)
    audit(
      tx,
      candidate,
      actorId,
      'duplicate.undone',
      { status: candidate.status, links: decision.after.links },
      { status: decision.before.status, links: decision.before.links, undoes: decision.id },
    )
    return { candidateId, status: decision.before.status, recordId: null, links: decision.before.links }
  })
}
