/**
 * Loading screening decisions made in another tool (issue 4 item 7): a decisions CSV, or the Rayyan
 * decisions carried in the notes of records imported from a Rayyan export. The whole file is one
 * transaction: every row is resolved against the review (record, reviewer, stage, reason) and applied
 * through castVote, title/abstract rows first and then full-text rows, each in file order, so a later row
 * for the same record, stage and reviewer changes the earlier vote and history keeps both. A full-text
 * vote on a report sought but not yet retrieved marks it retrieved (without a file), as the source tool
 * had it; `not_retrieved` marks it not retrieved. Both go through the retrieval store's own actions.
 * Every problem is collected with its line; when there is any, nothing is stored.
 */
import { and, asc, eq, isNotNull, like, or } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { exclusionReasons, memberships, records, screeningStatus, users } from '../../db/schema.ts'
import {
  MAX_DECISION_NOTE_LENGTH,
  MAX_IMPORT_ERRORS,
  parseDecisionCsv,
  type DecisionImportError,
  type DecisionImportRow,
} from '../domain/screening/decision-import.ts'
import { parseRayyanInclusion, type RayyanDecisions } from '../domain/screening/rayyan-inclusion.ts'
import { isDecided } from '../domain/screening/rules.ts'
import type { RecordIdentifier } from '../domain/screening/record-identifier.ts'
import type { ScreeningStage } from '../domain/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import type { SoughtReport } from '../domain/retrieval.ts'
import { findSoughtReport, markNotRetrieved, markRetrieved } from './reports.ts'
import { castVote } from './screening-votes.ts'
import { recordInStage } from './screening-stage.ts'
import type { DecisionImportSummary } from '../domain/screening/decision-import.ts'

export type DecisionImportResult =
  | { ok: true; summary: DecisionImportSummary }
  /** `more`: problems past the MAX_IMPORT_ERRORS shown. */
  | { ok: false; errors: DecisionImportError[]; more: number }

export interface DecisionImportContext {
  reviewId: number
  /** Who ran the import; null from the shell. */
  actorId: number | null
  /** The import time: every imported vote is stored at it. */
  at: Date
  /** For the audit event and messages: the file name, or "Rayyan decisions". */
  origin: string
}

/** A decisions CSV (bytes as uploaded or text): parsed, resolved and stored in one transaction, or not at all. */
export function importDecisionFile(
  db: Executor,
  context: DecisionImportContext,
  file: Uint8Array | string,
): DecisionImportResult {
  const parsed = parseDecisionCsv(file)
  if (parsed.errors.length > 0) return failedParse(parsed.errors)
  return applyRows(
    db,
    context,
    parsed.rows.map((row) => ({ ...row, where: `Line ${row.line}` })),
  )
}

/**
 * The Rayyan decisions in the notes of the review's records, as title/abstract votes of the reviewers
 * the map names (Rayyan name → email). Rayyan's exclusion reasons go into the note, since a
 * title/abstract vote takes no reason. A decision on a record Weft found to be a duplicate counts for
 * its primary record, like a DOI naming a duplicate in a decisions CSV.
 */
export function importRayyanDecisions(
  db: Executor,
  context: DecisionImportContext,
  reviewerMap: ReadonlyMap<string, string>,
): DecisionImportResult {
  const found = rayyanRecords(db, context.reviewId)
  if (found.length === 0) {
    return failed([
      fileError(
        'No record of this review carries Rayyan decisions (RAYYAN-INCLUSION notes): import the Rayyan RIS or CSV export as records first.',
      ),
    ])
  }
  const unmapped = [...decisionsPerReviewer(found).keys()].filter((name) => !reviewerMap.has(name))
  if (unmapped.length > 0) {
    return failed([
      fileError(
        `These Rayyan reviewers are not mapped to Weft members: ${unmapped.map((name) => `“${name}”`).join(', ')}. Map every name to a reviewer’s email.`,
      ),
    ])
  }
  const screeners = screenersByEmail(db, context.reviewId)
  const errors = new ErrorList()
  for (const [name, email] of reviewerMap) {
    const role = screeners.get(email.toLowerCase())?.role
    if (role === undefined || role === 'viewer') {
      errors.add(
        fileError(
          `Rayyan’s “${name}” is mapped to ${email}, who is not ${role === 'viewer' ? 'a reviewer but a viewer' : 'a member'} of this review; map them to a reviewer or owner.`,
        ),
      )
    }
  }
  const rows: PlannedRow[] = []
  for (const { record, decisions } of found) {
    const where = `Record ${record.id} (line ${record.line} of its import)`
    for (const { reviewer, value } of decisions.unrecognised) {
      errors.add({
        line: record.line,
        column: null,
        message: `${where}: Rayyan’s decision “${value}” by ${reviewer} is not Included, Excluded or Maybe.`,
      })
    }
    for (const { reviewer, verdict } of decisions.decisions) {
      rows.push({
        line: record.line,
        where: `${where}, ${reviewer}`,
        record: { kind: 'weft', id: record.duplicateOf ?? record.id },
        stage: 'title_abstract',
        reviewerEmail: (reviewerMap.get(reviewer) ?? '').toLowerCase(),
        verdict,
        reason: null,
        note: rayyanNote(decisions, reviewer, verdict),
      })
    }
  }
  if (errors.count > 0) return errors.result()
  return applyRows(db, context, rows)
}

/** Rayyan reviewer names found in the review's records, with how many decisions each made. */
export function rayyanReviewers(db: Executor, reviewId: number): { name: string; decisions: number }[] {
  return [...decisionsPerReviewer(rayyanRecords(db, reviewId))].map(([name, decisions]) => ({ name, decisions }))
}

/** A row with the words that name it in a message: "Line 7" or "Record 12 (…), Alice". */
type PlannedRow = DecisionImportRow & { where: string }

interface ResolvedRow {
  row: PlannedRow
  recordId: number
  reviewerId: number
  reasonId: number | null
}

/** Thrown out of the transaction so that it rolls back, carrying what went wrong. */
class ImportRefused extends Error {
  constructor(readonly errors: ErrorList) {
    super('decision import refused')
  }
}

function applyRows(db: Executor, context: DecisionImportContext, rows: PlannedRow[]): DecisionImportResult {
  try {
    return db.transaction((tx) => {
      const errors = new ErrorList()
      const resolved = resolveRows(tx, context.reviewId, rows, errors)
      if (errors.count > 0) throw new ImportRefused(errors)
      const summary: DecisionImportSummary = {
        rowsRead: rows.length,
        votesStored: 0,
        unchanged: 0,
        reportsNotRetrieved: 0,
        reportsRetrieved: 0,
        recordsDecided: 0,
        recordsInConflict: 0,
      }
      const voted = new Map<string, { recordId: number; stage: ScreeningStage }>()
      // Title/abstract first (file order kept within a stage): a full-text row needs its report sought.
      for (const item of [...resolved].sort((a, b) => stageRank(a.row.stage) - stageRank(b.row.stage))) {
        try {
          applyRow(tx, context, item, summary)
          if (item.row.verdict !== 'not_retrieved')
            voted.set(`${item.recordId}:${item.row.stage}`, { recordId: item.recordId, stage: item.row.stage })
        } catch (error) {
          if (!(error instanceof StoreConflictError || error instanceof StoreNotFoundError)) throw error
          errors.add(
            rowError(
              item.row,
              error instanceof StoreConflictError && error.field === 'reasonId' ? 'reason' : null,
              error.message,
            ),
          )
        }
      }
      if (errors.count > 0) throw new ImportRefused(errors)
      countOutcomes(tx, [...voted.values()], summary)
      recordAuditEvent(tx, {
        reviewId: context.reviewId,
        actorId: context.actorId,
        action: 'screening.decisions_imported',
        entityType: 'review',
        entityId: context.reviewId,
        after: { origin: context.origin, ...summary },
      })
      return { ok: true as const, summary }
    })
  } catch (error) {
    if (error instanceof ImportRefused) return error.errors.result()
    throw error
  }
}

function stageRank(stage: ScreeningStage): number {
  return stage === 'title_abstract' ? 0 : 1
}

function applyRow(
  tx: Executor,
  context: DecisionImportContext,
  item: ResolvedRow,
  summary: DecisionImportSummary,
): void {
  const { row } = item
  const change = { reviewId: context.reviewId, recordId: item.recordId, actorId: item.reviewerId, now: context.at }
  if (row.verdict === 'not_retrieved') {
    const report = soughtForFullText(tx, context.reviewId, item.recordId)
    const note = row.note ?? `Not retrieved, as recorded in ${context.origin}`
    const unchanged = report.retrieval === 'not_retrieved' && report.retrievalNote === note
    markNotRetrieved(tx, { ...change, note })
    if (unchanged) summary.unchanged += 1
    else summary.reportsNotRetrieved += 1
    return
  }
  if (row.stage === 'full_text') {
    const report = soughtForFullText(tx, context.reviewId, item.recordId)
    if (report.retrieval === 'not_retrieved') {
      throw new StoreConflictError(
        `record ${item.recordId} is marked not retrieved, so it cannot be screened at full text; mark it retrieved first`,
      )
    }
    // A full-text vote in the source tool means the report was retrieved there: say so, without a file.
    if (report.retrieval === 'awaiting') {
      markRetrieved(tx, change)
      summary.reportsRetrieved += 1
    }
  }
  const { changed } = castVote(tx, {
    reviewId: context.reviewId,
    recordId: item.recordId,
    stage: row.stage,
    reviewerId: item.reviewerId,
    verdict: row.verdict,
    reasonId: item.reasonId,
    note: row.note ?? '',
    via: 'import',
    at: context.at,
  })
  if (changed) summary.votesStored += 1
  else summary.unchanged += 1
}

/** The report a full-text row speaks of: it must be sought (stages.ts), by the rows before it if need be. */
function soughtForFullText(tx: Executor, reviewId: number, recordId: number): SoughtReport {
  const report = findSoughtReport(tx, reviewId, recordId)
  if (!report) {
    throw new StoreConflictError(
      `record ${recordId} was not included at title/abstract (nor found by other methods), so no report of it was sought; give its title/abstract votes first`,
    )
  }
  return report
}

/**
 * Names each row's record, reviewer and reason as the database knows them. Everything that does not
 * depend on earlier rows is checked here, so all such problems are reported together.
 */
function resolveRows(tx: Executor, reviewId: number, rows: PlannedRow[], errors: ErrorList): ResolvedRow[] {
  const reviewers = screenersByEmail(tx, reviewId)
  const reasons = reasonsByLabel(tx, reviewId)
  const identified = new RecordFinder(tx, reviewId)
  const resolved: ResolvedRow[] = []
  let known: string | undefined
  for (const row of rows) {
    const before = errors.count
    const record = identified.find(row.record)
    // "record" stands for whichever column named it (record, doi or pmid): the message names the value.
    if (typeof record === 'string') errors.add(rowError(row, 'record', record))
    const reviewer = reviewers.get(row.reviewerEmail)
    if (reviewer === undefined)
      errors.add(rowError(row, 'reviewer', `no member of this review has the email ${row.reviewerEmail || '(none)'}`))
    else if (reviewer.role === 'viewer')
      errors.add(
        rowError(row, 'reviewer', `${row.reviewerEmail} is a viewer of this review; only reviewers and owners screen`),
      )
    const reasonId = row.reason === null ? null : (reasons.get(row.reason.toLowerCase()) ?? null)
    if (row.reason !== null && reasonId === null) {
      known ??=
        reasons.size === 0
          ? 'the review has none yet; add them on the exclusion reasons page'
          : `the review’s reasons are ${reasonList(tx, reviewId)}`
      errors.add(rowError(row, 'reason', `“${row.reason}” is not one of this review’s exclusion reasons; ${known}`))
    }
    // Full-text rows are checked as they are applied: earlier rows may include the record at title/abstract.
    if (
      typeof record === 'number' &&
      row.stage === 'title_abstract' &&
      !recordInStage(tx, record, reviewId, row.stage)
    ) {
      errors.add(
        rowError(
          row,
          'stage',
          `record ${record} comes from an “other methods” source and goes straight to retrieval, not title/abstract screening`,
        ),
      )
    }
    if (errors.count === before && typeof record === 'number' && reviewer !== undefined) {
      resolved.push({ row, recordId: record, reviewerId: reviewer.userId, reasonId })
    }
  }
  return resolved
}

function screenersByEmail(tx: Executor, reviewId: number): Map<string, { userId: number; role: string }> {
  const rows = tx
    .select({ email: users.email, userId: users.id, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.reviewId, reviewId))
    .all()
  return new Map(rows.map((row) => [row.email.toLowerCase(), row]))
}

function reasonsByLabel(tx: Executor, reviewId: number): Map<string, number> {
  const rows = tx.select().from(exclusionReasons).where(eq(exclusionReasons.reviewId, reviewId)).all()
  return new Map(rows.map((row) => [row.label.replace(/\s+/g, ' ').trim().toLowerCase(), row.id]))
}

function reasonList(tx: Executor, reviewId: number): string {
  const labels = tx
    .select({ label: exclusionReasons.label })
    .from(exclusionReasons)
    .where(eq(exclusionReasons.reviewId, reviewId))
    .orderBy(asc(exclusionReasons.position))
    .all()
    .map((row) => `“${row.label}”`)
  return labels.length > 10 ? `${labels.slice(0, 10).join(', ')} and ${labels.length - 10} more` : labels.join(', ')
}

interface IdentifiedRecord {
  id: number
  duplicateOf: number | null
}

/**
 * Finds a row's record: a Weft id must be in the review; a DOI or PMID is looked up among the review's
 * records, a duplicate standing for its primary. The DOI and PMID maps are built once, on first use.
 */
class RecordFinder {
  #byDoi: Map<string, IdentifiedRecord[]> | null = null
  #byPmid: Map<string, IdentifiedRecord[]> | null = null

  constructor(
    readonly tx: Executor,
    readonly reviewId: number,
  ) {}

  /** The record id, or what is wrong, as words to follow "Line 7, column …: ". */
  find(identifier: RecordIdentifier): number | string {
    if (identifier.kind === 'weft') {
      const record = this.tx
        .select({ reviewId: records.reviewId, duplicateOf: records.duplicateOf })
        .from(records)
        .where(eq(records.id, identifier.id))
        .get()
      if (record?.reviewId !== this.reviewId) return `record ${identifier.id} is not in this review`
      if (record.duplicateOf !== null)
        return `record ${identifier.id} is a duplicate of record ${record.duplicateOf}; name that one instead`
      return identifier.id
    }
    const [value, matches] =
      identifier.kind === 'doi'
        ? [identifier.doi, this.#maps().byDoi.get(identifier.doi)]
        : [identifier.pmid, this.#maps().byPmid.get(identifier.pmid)]
    const label = identifier.kind === 'doi' ? `DOI ${value}` : `PMID ${value}`
    const primaries = [...new Set((matches ?? []).map((record) => record.duplicateOf ?? record.id))]
    if (primaries.length === 0) return `no record of this review has the ${label}`
    if (primaries.length > 1)
      return `the ${label} matches records ${primaries.join(' and ')}, which are not marked as duplicates of each other; name the record by its Weft id instead`
    return primaries[0]!
  }

  #maps(): { byDoi: Map<string, IdentifiedRecord[]>; byPmid: Map<string, IdentifiedRecord[]> } {
    if (this.#byDoi === null || this.#byPmid === null) {
      this.#byDoi = new Map()
      this.#byPmid = new Map()
      const rows = this.tx
        .select({ id: records.id, duplicateOf: records.duplicateOf, doi: records.doi, pmid: records.pmid })
        .from(records)
        .where(and(eq(records.reviewId, this.reviewId), or(isNotNull(records.doi), isNotNull(records.pmid))))
        .all()
      for (const row of rows) {
        if (row.doi !== null) push(this.#byDoi, row.doi.toLowerCase(), row)
        if (row.pmid !== null) push(this.#byPmid, row.pmid, row)
      }
    }
    return { byDoi: this.#byDoi, byPmid: this.#byPmid }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function countOutcomes(
  tx: Executor,
  voted: { recordId: number; stage: ScreeningStage }[],
  summary: DecisionImportSummary,
): void {
  for (const { recordId, stage } of voted) {
    const status = tx
      .select({ outcome: screeningStatus.outcome })
      .from(screeningStatus)
      .where(and(eq(screeningStatus.recordId, recordId), eq(screeningStatus.stage, stage)))
      .get()
    if (status && isDecided(status.outcome)) summary.recordsDecided += 1
    if (status?.outcome === 'conflict') summary.recordsInConflict += 1
  }
}

interface RayyanRecord {
  record: { id: number; line: number; duplicateOf: number | null }
  decisions: RayyanDecisions
}

/** The review's records whose original text (RIS N1, CSV notes) carries Rayyan decisions, in import order. */
function rayyanRecords(db: Executor, reviewId: number): RayyanRecord[] {
  return db
    .select({
      id: records.id,
      line: records.line,
      duplicateOf: records.duplicateOf,
      originalText: records.originalText,
    })
    .from(records)
    .where(and(eq(records.reviewId, reviewId), like(records.originalText, '%RAYYAN-INCLUSION%')))
    .orderBy(asc(records.id))
    .all()
    .map(({ originalText, ...record }) => ({ record, decisions: parseRayyanInclusion(originalText) }))
    .filter(({ decisions }) => decisions.decisions.length + decisions.unrecognised.length > 0)
}

/** How many decisions each Rayyan reviewer made, by name, in the order they first appear. */
function decisionsPerReviewer(found: RayyanRecord[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { decisions } of found) {
    for (const { reviewer } of [...decisions.decisions, ...decisions.unrecognised])
      counts.set(reviewer, (counts.get(reviewer) ?? 0) + 1)
  }
  return counts
}

/** The reviewer's own Rayyan notes, and for an exclusion the record's Rayyan exclusion reasons. */
function rayyanNote(decisions: RayyanDecisions, reviewer: string, verdict: string): string | null {
  const parts = decisions.notes.filter((note) => note.reviewer === reviewer).map((note) => note.note)
  if (verdict === 'exclude' && decisions.exclusionReasons.length > 0)
    parts.unshift(`Rayyan exclusion reasons: ${decisions.exclusionReasons.join('; ')}`)
  const note = parts.join('\n')
  return note === '' ? null : note.slice(0, MAX_DECISION_NOTE_LENGTH)
}

/** Problems in file order, the first MAX_IMPORT_ERRORS kept and the rest counted. */
class ErrorList {
  readonly kept: DecisionImportError[] = []
  count = 0

  add(error: DecisionImportError): void {
    this.count += 1
    if (this.kept.length < MAX_IMPORT_ERRORS) this.kept.push(error)
  }

  result(): DecisionImportResult {
    return { ok: false, errors: this.kept, more: this.count - this.kept.length }
  }
}

function rowError(row: PlannedRow, column: string | null, text: string): DecisionImportError {
  // The store's refusals are whole sentences; here they follow "Line 7: ".
  const problem = text.replace(/\.$/, '')
  const message =
    column === null || !row.where.startsWith('Line')
      ? `${row.where}: ${problem}.`
      : `${row.where}, column “${column}”: ${problem}.`
  return { line: row.line, column, message }
}

function fileError(message: string): DecisionImportError {
  return { line: 1, column: null, message }
}

function failed(errors: DecisionImportError[]): DecisionImportResult {
  return { ok: false, errors, more: 0 }
}

/** The parser keeps its first MAX_IMPORT_ERRORS problems and ends with a line counting the rest. */
function failedParse(errors: DecisionImportError[]): DecisionImportResult {
  const more = /^…and (\d+) more problems\.$/.exec(errors[errors.length - 1]?.message ?? '')
  return more ? { ok: false, errors: errors.slice(0, -1), more: Number(more[1]) } : failed(errors)
}
