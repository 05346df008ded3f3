/**
 * Studies: the investigations the included reports describe. PRISMA 2020 counts studies and reports
 * apart, so every included report belongs to a study: by default one of its own, and reviewers merge
 * the studies whose reports describe the same investigation (or split a report out again). Which reports
 * and studies are included is stages.ts's.
 */
import { and, asc, count, countDistinct, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  appraisalExclusions,
  appraisals,
  extractedValues,
  extractorValues,
  firstOrderConstructs,
  records,
  reports,
  secondOrderConstructs,
  studies,
  type RecordRow,
  type Study,
} from '../../db/schema.ts'
import { distinctLabel, studyLabel } from '../domain/study-label.ts'
import { recordAuditEvent } from './audit.ts'
import { citationSummaryColumns } from './columns.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { includedReportIds } from './stages.ts'
import type { StudyReport, StudyWithReports } from '../domain/studies.ts'

/** An included report (stages.ts), for a query over `reports`. */
function reportIncluded(db: Executor, reviewId: number) {
  return sql<boolean>`${inArray(reports.recordId, includedReportIds(db, reviewId))}`
}

function takenLabels(tx: Executor, reviewId: number): Set<string> {
  return new Set(
    tx
      .select({ label: studies.label })
      .from(studies)
      .where(eq(studies.reviewId, reviewId))
      .all()
      .map((row) => row.label),
  )
}

/** A new study named after the report's record (first author's surname and year), unique in the review. */
function createStudyFor(tx: Executor, record: Pick<RecordRow, 'id' | 'reviewId' | 'authors' | 'year'>): Study {
  const label = distinctLabel(studyLabel(record.authors, record.year, record.id), takenLabels(tx, record.reviewId))
  return tx.insert(studies).values({ reviewId: record.reviewId, label }).returning().get()
}

/**
 * Makes sure the report of record `recordId` belongs to a study, creating a study of its own (labelled
 * "Surname Year") when it has none, and returns that study. Call it inside the transaction that makes the
 * report included at full text; it joins that transaction and writes a `study.created` audit event when it
 * creates one. A report already linked keeps its study (so a report reopened and included again returns
 * to the study it was merged into). A report screened at full text was necessarily retrieved: if no
 * retrieval row exists yet (decisions imported from another tool), one is written saying so.
 *
 * @example
 * db.transaction((tx) => {
 *   // … store the full-text verdict that makes record 42 included …
 *   ensureStudyForReport(tx, 42, { actorId, now })
 * })
 */
export function ensureStudyForReport(
  tx: Executor,
  recordId: number,
  options: { actorId?: number | null; now?: Date } = {},
): Study {
  const actorId = options.actorId ?? null
  const record = tx
    .select({
      id: records.id,
      reviewId: records.reviewId,
      authors: records.authors,
      year: records.year,
      studyId: reports.studyId,
    })
    .from(records)
    .leftJoin(reports, eq(reports.recordId, records.id))
    .where(eq(records.id, recordId))
    .get()
  if (!record) throw new StoreNotFoundError(`There is no record ${recordId}.`)
  if (record.studyId !== null) {
    const linked = tx.select().from(studies).where(eq(studies.id, record.studyId)).get()
    if (linked) return linked
  }
  const study = createStudyFor(tx, record)
  tx.insert(reports)
    .values({
      recordId,
      reviewId: record.reviewId,
      retrieval: 'retrieved',
      studyId: study.id,
      updatedBy: actorId,
      updatedAt: options.now ?? new Date(),
    })
    .onConflictDoUpdate({ target: reports.recordId, set: { studyId: study.id } })
    .run()
  recordAuditEvent(tx, {
    reviewId: record.reviewId,
    actorId,
    action: 'study.created',
    entityType: 'study',
    entityId: study.id,
    after: { label: study.label, reports: [recordId] },
  })
  return study
}

function studyReportRows(db: Executor, reviewId: number, studyIds?: number[]) {
  return db
    .select({
      studyId: reports.studyId,
      recordId: records.id,
      ...citationSummaryColumns,
      doi: records.doi,
      retrieval: reports.retrieval,
      fileSha256: reports.fileSha256,
      included: reportIncluded(db, reviewId),
    })
    .from(reports)
    .innerJoin(records, eq(records.id, reports.recordId))
    .where(
      and(
        eq(reports.reviewId, reviewId),
        studyIds ? inArray(reports.studyId, studyIds) : sql`${reports.studyId} is not null`,
      ),
    )
    .orderBy(asc(records.id))
    .all()
}

/**
 * The review's included studies, in label order, each with every report linked to it (a report no
 * longer included is listed with `included: false` and does not make its study included).
 */
export function includedStudies(db: Executor, reviewId: number): StudyWithReports[] {
  const rows = studyReportRows(db, reviewId)
  const byStudy = new Map<number, StudyReport[]>()
  for (const { studyId, included, ...report } of rows) {
    const list = byStudy.get(studyId!) ?? []
    list.push({ ...report, included: Boolean(included) })
    byStudy.set(studyId!, list)
  }
  const included = [...byStudy].filter(([, list]) => list.some((report) => report.included)).map(([id]) => id)
  if (included.length === 0) return []
  return db
    .select({ id: studies.id, label: studies.label })
    .from(studies)
    .where(and(eq(studies.reviewId, reviewId), inArray(studies.id, included)))
    .orderBy(asc(studies.label), asc(studies.id))
    .all()
    .map((study) => ({ ...study, reports: byStudy.get(study.id) ?? [] }))
}

/** PRISMA's final boxes: studies included and the reports of included studies (reports linked to a study). */
export function includedCounts(db: Executor, reviewId: number): { studies: number; reports: number } {
  const row = db
    .select({ studies: countDistinct(reports.studyId), reports: count(reports.studyId) })
    .from(reports)
    .where(and(eq(reports.reviewId, reviewId), inArray(reports.recordId, includedReportIds(db, reviewId))))
    .get()
  return { studies: row?.studies ?? 0, reports: row?.reports ?? 0 }
}

/** Included reports that belong to no study yet (decisions that arrived before studies existed). */
export function includedReportsWithoutStudy(db: Executor, reviewId: number): number[] {
  return db
    .select({ recordId: reports.recordId })
    .from(reports)
    .where(
      and(
        eq(reports.reviewId, reviewId),
        isNull(reports.studyId),
        inArray(reports.recordId, includedReportIds(db, reviewId)),
      ),
    )
    .orderBy(asc(reports.recordId))
    .all()
    .map((row) => row.recordId)
}

/** Gives each included report without a study a study of its own; one transaction, one event per study. */
export function giveStudiesToUnlinkedReports(db: Executor, reviewId: number, actorId: number, now: Date): number {
  return db.transaction((tx) => {
    const unlinked = includedReportsWithoutStudy(tx, reviewId)
    for (const recordId of unlinked) ensureStudyForReport(tx, recordId, { actorId, now })
    return unlinked.length
  })
}

function requireStudy(tx: Executor, reviewId: number, studyId: number): Study {
  const study = tx
    .select()
    .from(studies)
    .where(and(eq(studies.reviewId, reviewId), eq(studies.id, studyId)))
    .get()
  if (!study) throw new StoreNotFoundError(`This review has no study ${studyId}; it may have been merged into another.`)
  return study
}

function requireIncludedStudy(
  tx: Executor,
  reviewId: number,
  studyId: number,
): { study: Study; reports: StudyReport[] } {
  const study = requireStudy(tx, reviewId, studyId)
  const linked = studyReportRows(tx, reviewId, [studyId]).map(({ studyId: _, included, ...report }) => ({
    ...report,
    included: Boolean(included),
  }))
  if (!linked.some((report) => report.included)) {
    throw new StoreConflictError(
      `“${study.label}” has no report included at full text, so it is not an included study.`,
    )
  }
  return { study, reports: linked }
}

export interface StudyChange {
  reviewId: number
  actorId: number
}

/**
 * Appraisal sheets and extracted values are one per study (and appraiser): they cannot be carried into
 * another study's without overwriting, and deleting the study would delete them. The team decides first.
 */
function refuseIfAppraisedOrExtracted(tx: Executor, study: Study): void {
  const kept = [appraisals, appraisalExclusions, extractorValues, extractedValues].map((table) =>
    tx
      .select({ one: sql`1` })
      .from(table)
      .where(eq(table.studyId, study.id))
      .get(),
  )
  if (kept.some((row) => row !== undefined)) {
    throw new StoreConflictError(
      `“${study.label}” already has appraisals or extracted data, which merging would lose. Merge it the other way round (into “${study.label}”), or clear its appraisal and extraction first.`,
      'into',
    )
  }
}

/**
 * Merges study `fromId` into study `intoId`: its reports (and any quotes and constructs extracted from
 * it) move to `intoId`, and the emptied study is deleted. Refused when `fromId` has appraisals or
 * extracted values (they are one per study). One transaction, one `study.merged` event.
 */
export function mergeStudies(db: Executor, change: StudyChange & { intoId: number; fromId: number }): Study {
  if (change.intoId === change.fromId) {
    throw new StoreConflictError('A study cannot be merged with itself; choose another study to merge into.', 'into')
  }
  return db.transaction((tx) => {
    const into = requireIncludedStudy(tx, change.reviewId, change.intoId)
    const from = requireIncludedStudy(tx, change.reviewId, change.fromId)
    refuseIfAppraisedOrExtracted(tx, from.study)
    tx.update(reports).set({ studyId: into.study.id }).where(eq(reports.studyId, from.study.id)).run()
    // Deleting the study would cascade to what was extracted from it; it belongs to the merged study now.
    tx.update(firstOrderConstructs)
      .set({ studyId: into.study.id })
      .where(eq(firstOrderConstructs.studyId, from.study.id))
      .run()
    tx.update(secondOrderConstructs)
      .set({ studyId: into.study.id })
      .where(eq(secondOrderConstructs.studyId, from.study.id))
      .run()
    tx.delete(studies).where(eq(studies.id, from.study.id)).run()
    recordAuditEvent(tx, {
      reviewId: change.reviewId,
      actorId: change.actorId,
      action: 'study.merged',
      entityType: 'study',
      entityId: into.study.id,
      before: {
        studies: [into, from].map(({ study, reports: linked }) => ({
          id: study.id,
          label: study.label,
          reports: linked.map((report) => report.recordId),
        })),
      },
      after: {
        id: into.study.id,
        label: into.study.label,
        reports: [...into.reports, ...from.reports].map((r) => r.recordId),
      },
    })
    return into.study
  })
}

/**
 * Moves the included report `recordId` out of study `studyId` into a new study of its own. The study
 * keeps what was extracted from it. Refused when the report is the study's only one.
 */
export function splitReport(db: Executor, change: StudyChange & { studyId: number; recordId: number }): Study {
  return db.transaction((tx) => {
    const { study, reports: linked } = requireIncludedStudy(tx, change.reviewId, change.studyId)
    const report = linked.find((candidate) => candidate.recordId === change.recordId)
    if (!report) throw new StoreNotFoundError(`Report ${change.recordId} does not belong to “${study.label}”.`)
    if (!report.included) {
      throw new StoreConflictError(
        `Report ${change.recordId} is not included at full text, so it cannot make a study of its own.`,
      )
    }
    if (linked.length === 1) {
      throw new StoreConflictError(
        `Report ${change.recordId} is already the only report of “${study.label}”; there is nothing to split.`,
      )
    }
    const newStudy = createStudyFor(tx, {
      id: report.recordId,
      reviewId: change.reviewId,
      authors: report.authors,
      year: report.year,
    })
    tx.update(reports).set({ studyId: newStudy.id }).where(eq(reports.recordId, report.recordId)).run()
    recordAuditEvent(tx, {
      reviewId: change.reviewId,
      actorId: change.actorId,
      action: 'study.split',
      entityType: 'study',
      entityId: newStudy.id,
      before: { study: study.id, label: study.label, reports: linked.map((r) => r.recordId) },
      after: { study: newStudy.id, label: newStudy.label, reports: [report.recordId] },
    })
    return newStudy
  })
}

/**
 * Puts a retrieved report that has no study yet into an existing study, ahead of its full-text
 * inclusion (the demo; reports known to describe one investigation). `ensureStudyForReport` then keeps it
 * there when the report is included.
 */
export function assignReportToStudy(
  db: Executor,
  change: StudyChange & { studyId: number; recordId: number; now: Date },
): void {
  db.transaction((tx) => {
    const study = requireStudy(tx, change.reviewId, change.studyId)
    const report = tx
      .select({ studyId: reports.studyId })
      .from(reports)
      .where(and(eq(reports.reviewId, change.reviewId), eq(reports.recordId, change.recordId)))
      .get()
    if (!report) throw new StoreNotFoundError(`Report ${change.recordId} has not been retrieved in this review.`)
    if (report.studyId === study.id) return
    if (report.studyId !== null)
      throw new StoreConflictError(
        `Report ${change.recordId} already belongs to another study; merge the studies instead.`,
      )
    tx.update(reports)
      .set({ studyId: study.id, updatedBy: change.actorId, updatedAt: change.now })
      .where(eq(reports.recordId, change.recordId))
      .run()
    recordAuditEvent(tx, {
      reviewId: change.reviewId,
      actorId: change.actorId,
      action: 'study.report_added',
      entityType: 'study',
      entityId: study.id,
      after: { label: study.label, report: change.recordId },
    })
  })
}

/** Renames a study; another study of the review with the same name is refused, as it would be ambiguous. */
export function renameStudy(db: Executor, change: StudyChange & { studyId: number; label: string }): Study {
  return db.transaction((tx) => {
    const before = requireStudy(tx, change.reviewId, change.studyId)
    if (before.label === change.label) return before
    const clash = tx
      .select({ id: studies.id })
      .from(studies)
      .where(
        and(eq(studies.reviewId, change.reviewId), eq(studies.label, change.label), ne(studies.id, change.studyId)),
      )
      .get()
    if (clash) throw new StoreConflictError(`Another study is already called “${change.label}”.`, 'label')
    const study = tx
      .update(studies)
      .set({ label: change.label })
      .where(eq(studies.id, change.studyId))
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId: change.reviewId,
      actorId: change.actorId,
      action: 'study.renamed',
      entityType: 'study',
      entityId: change.studyId,
      before: { label: before.label },
      after: { label: change.label },
    })
    return study
  })
}
