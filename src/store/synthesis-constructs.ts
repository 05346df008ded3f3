/**
 * Deleting a study's second-order construct that the synthesis uses. The mapping table references
 * constructs with NO ACTION, so a plain delete of a mapped construct is refused by the database; this is
 * the one way to delete it, after the person has seen what it breaks (secondOrderUsage) and confirmed.
 * The extraction page refuses to delete a mapped construct and sends the reviewer here (constructs.ts).
 */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { conceptMappings, secondOrderConstructs } from '../../db/schema.ts'
import { recordAuditEvent } from './audit.ts'
import { requireSecondOrder } from './synthesis-guards.ts'
import { assertDeletable, secondOrderUsage } from './synthesis-usage.ts'

export function deleteSecondOrderConstruct(
  db: Executor,
  reviewId: number,
  secondOrderId: number,
  confirmed: boolean,
  actorId: number,
): void {
  db.transaction((tx) => {
    const construct = requireSecondOrder(tx, reviewId, secondOrderId)
    const usage = secondOrderUsage(tx, reviewId, secondOrderId)
    assertDeletable(usage, confirmed, construct.label, 'its mappings')
    tx.delete(conceptMappings).where(eq(conceptMappings.secondOrderId, secondOrderId)).run()
    tx.delete(secondOrderConstructs).where(eq(secondOrderConstructs.id, secondOrderId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'second_order.deleted',
      entityType: 'second_order_construct',
      entityId: secondOrderId,
      before: {
        studyId: construct.studyId,
        label: construct.label,
        description: construct.description,
        page: construct.page,
        mappings: usage.mappings,
        findingsChanged: usage.findings,
      },
    })
  })
}
