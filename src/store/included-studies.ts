/**
 * The studies appraisal, extraction and constructs work on: the included studies of stages.ts, each with
 * its included reports.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { appraisalExclusions, records, reports, studies, users } from '../../db/schema.ts'
import { StoreNotFoundError } from './errors.ts'
import { includedReportIds, includedStudyIds, synthesisStudyIds } from './stages.ts'
import type { IncludedReport, IncludedStudy } from '../domain/studies.ts'

function loadStudies(tx: Executor, reviewId: number, onlyStudyId?: number): IncludedStudy[] {
  const rows = tx
    .select({
      id: studies.id,
      label: studies.label,
      reason: appraisalExclusions.reason,
      excludedAt: appraisalExclusions.excludedAt,
      excludedByName: users.name,
    })
    .from(studies)
    .leftJoin(appraisalExclusions, eq(appraisalExclusions.studyId, studies.id))
    .leftJoin(users, eq(users.id, appraisalExclusions.excludedBy))
    .where(
      and(
        eq(studies.reviewId, reviewId),
        onlyStudyId === undefined ? undefined : eq(studies.id, onlyStudyId),
        inArray(studies.id, includedStudyIds(tx, reviewId)),
      ),
    )
    .orderBy(asc(studies.label), asc(studies.id))
    .all()
  if (rows.length === 0) return []
  const reportRows = tx
    .select({
      studyId: reports.studyId,
      recordId: reports.recordId,
      title: records.title,
      authors: records.authors,
      year: records.year,
      journal: records.journal,
      fileSha256: reports.fileSha256,
      fileName: reports.fileName,
    })
    .from(reports)
    .innerJoin(records, eq(records.id, reports.recordId))
    .where(
      and(
        inArray(
          reports.studyId,
          rows.map((row) => row.id),
        ),
        inArray(reports.recordId, includedReportIds(tx, reviewId)),
      ),
    )
    .orderBy(asc(reports.recordId))
    .all()
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    reports: reportRows.filter((report) => report.studyId === row.id).map(({ studyId: _studyId, ...report }) => report),
    exclusion:
      row.reason === null || row.excludedAt === null
        ? null
        : { reason: row.reason, excludedAt: row.excludedAt, excludedByName: row.excludedByName },
  }))
}

/** The review's included studies by label, each with its included reports and any exclusion after appraisal. */
export function listIncludedStudies(db: Executor, reviewId: number): IncludedStudy[] {
  return loadStudies(db, reviewId)
}

/** The studies in the synthesis (stages.ts): included studies not excluded after appraisal. */
export function listStudiesInSynthesis(db: Executor, reviewId: number): IncludedStudy[] {
  const inSynthesis = new Set(
    synthesisStudyIds(db, reviewId)
      .all()
      .map((row) => row.id),
  )
  return loadStudies(db, reviewId).filter((study) => inSynthesis.has(study.id))
}

/** One included study of this review, or a 404: a study of another review, or not included, is not found. */
export function requireIncludedStudy(db: Executor, reviewId: number, studyId: number): IncludedStudy {
  const [study] = loadStudies(db, reviewId, studyId)
  if (!study) throw new StoreNotFoundError('This review has no such included study.')
  return study
}

/** The first attached full text of a study, for showing beside the extraction forms. */
export function fullTextOf(study: IncludedStudy): IncludedReport | undefined {
  return study.reports.find((report) => report.fileSha256 !== null)
}
