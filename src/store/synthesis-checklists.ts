/** Responses to the eMERGe and ENTREQ items: where the manuscript reports each, with notes. */
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { reportingResponses, type ReportingResponse } from '../../db/schema.ts'
import { CHECKLIST_ITEM_COUNTS, type ReportingChecklist } from '../domain/reporting/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreNotFoundError } from './errors.ts'

export type ChecklistAnswer = { location: string; notes: string }

export function checklistResponses(
  db: Executor,
  reviewId: number,
  checklist: ReportingChecklist,
): Map<number, ReportingResponse> {
  const rows = db
    .select()
    .from(reportingResponses)
    .where(and(eq(reportingResponses.reviewId, reviewId), eq(reportingResponses.checklist, checklist)))
    .all()
  return new Map(rows.map((row) => [row.item, row]))
}

/** Saves the items whose answer changed, in one transaction with one audit event; returns how many changed. */
export function saveChecklist(
  db: Executor,
  reviewId: number,
  checklist: ReportingChecklist,
  answers: ReadonlyMap<number, ChecklistAnswer>,
  actorId: number,
  now: Date,
): number {
  for (const item of answers.keys()) {
    if (!Number.isInteger(item) || item < 1 || item > CHECKLIST_ITEM_COUNTS[checklist]) {
      throw new StoreNotFoundError(`This checklist has no item ${item}.`)
    }
  }
  return db.transaction((tx) => {
    const stored = checklistResponses(tx, reviewId, checklist)
    const before: Record<string, ChecklistAnswer> = {}
    const after: Record<string, ChecklistAnswer> = {}
    for (const [item, answer] of answers) {
      const was = stored.get(item) ?? { location: '', notes: '' }
      if (was.location === answer.location && was.notes === answer.notes) continue
      const set = { ...answer, updatedBy: actorId, updatedAt: now }
      tx.insert(reportingResponses)
        .values({ reviewId, checklist, item, ...set })
        .onConflictDoUpdate({
          target: [reportingResponses.reviewId, reportingResponses.checklist, reportingResponses.item],
          set,
        })
        .run()
      before[item] = { location: was.location, notes: was.notes }
      after[item] = answer
    }
    const changed = Object.keys(after).length
    if (changed > 0) {
      recordAuditEvent(tx, {
        reviewId,
        actorId,
        action: 'checklist.saved',
        entityType: 'reporting_checklist',
        entityId: checklist,
        before,
        after,
      })
    }
    return changed
  })
}
