/**
 * Excluding a study after appraisal: never a side effect of a score, always an owner's explicit
 * decision with its reason, audited, and reversible the same way.
 */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { appraisalExclusions } from '../../db/schema.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { requireIncludedStudy } from './included-studies.ts'

export function excludeStudyAfterAppraisal(
  db: Executor,
  reviewId: number,
  studyId: number,
  reason: string,
  actorId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    const study = requireIncludedStudy(tx, reviewId, studyId)
    if (study.exclusion) throw new StoreConflictError(`${study.label} is already excluded after appraisal.`)
    tx.insert(appraisalExclusions).values({ studyId, reviewId, reason, excludedBy: actorId, excludedAt: now }).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'study.excluded_after_appraisal',
      entityType: 'study',
      entityId: studyId,
      after: { label: study.label, reason },
    })
  })
}

/** Takes an exclusion back: the study returns to extraction and synthesis; the audit trail keeps the reason. */
export function reinstateStudy(db: Executor, reviewId: number, studyId: number, actorId: number): void {
  db.transaction((tx) => {
    const study = requireIncludedStudy(tx, reviewId, studyId)
    if (!study.exclusion) throw new StoreConflictError(`${study.label} is not excluded.`)
    tx.delete(appraisalExclusions).where(eq(appraisalExclusions.studyId, studyId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'study.reinstated_after_appraisal',
      entityType: 'study',
      entityId: studyId,
      before: { label: study.label, reason: study.exclusion.reason },
    })
  })
}
