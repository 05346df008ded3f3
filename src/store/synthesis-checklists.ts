/** Responses to the eMERGe and ENTREQ items: where the manuscript reports each, with notes. */
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { reportingResponses, type ReportingResponse } from '../../db/schema.ts'
import { CHECKLIST_ITEM_COUNTS, type ReportingChecklist } from '../domain/reporting/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreNotFoundError } from './errors.ts'

export function checklistResponses(db: Executor, reviewId: number, checklist: ReportingChecklist): Map<number, ReportingResponse> {
  const rows = db
    .select()
    .from(reportingResponses)
    .where(and(eq(reportingResponses.reviewId, reviewId), eq(reportingResponses.checklist, checklist)))
    .all()
  return new Map(rows.map((row) => [row.item, row]))
}

export function saveChecklistResponse(
  db: Executor,
  reviewId: number,
  checklist: ReportingChecklist,
  item: number,
  response: { location: string; notes: string },
  actorId: number,
  now: Date,
): void {
  if (!Number.isInteger(item) || item < 1 || item > CHECKLIST_ITEM_COUNTS[checklist]) {
    throw new StoreNotFoundError(`This checklist has no item ${item}.`)
  }
  db.transaction((tx) => {
    const before = checklistResponses(tx, reviewId, checklist).get(item)
    if (before && before.location === response.location && before.notes === response.notes) return
    const set = { ...response, updatedBy: actorId, updatedAt: now }
    tx.insert(reportingResponses)
      .values({ reviewId, checklist, item, ...set })
      .onConflictDoUpdate({ target: [reportingResponses.reviewId, reportingResponses.checklist, reportingResponses.item], set })
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'checklist.item_saved',
      entityType: 'reporting_response',
      entityId: `${checklist}:${item}`,
      before: before ? { location: before.location, notes: before.notes } : null,
      after: { ...response },
    })
  })
}
