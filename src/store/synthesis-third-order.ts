/**
 * Third-order constructs: the reviewers' interpretations, each built from one or more concepts. Deleting
 * one that a finding or the line of argument uses happens only once confirmed; the findings built on it
 * alone go with it, and the audit event says so.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  argumentNodes,
  cerqualFindings,
  thirdOrderConcepts,
  thirdOrderConstructs,
  type ThirdOrderConstruct,
} from '../../db/schema.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { assertLabelFree, requireConcept, requireThirdOrder } from './synthesis-guards.ts'
import { nextPosition } from './positions.ts'
import { assertDeletable, thirdOrderUsage } from './synthesis-usage.ts'

export interface ThirdOrderInput {
  label: string
  definition: string
  conceptIds: number[]
}

export function listThirdOrders(db: Executor, reviewId: number): ThirdOrderConstruct[] {
  return db
    .select()
    .from(thirdOrderConstructs)
    .where(eq(thirdOrderConstructs.reviewId, reviewId))
    .orderBy(asc(thirdOrderConstructs.position), asc(thirdOrderConstructs.id))
    .all()
}

function checkConcepts(tx: Executor, reviewId: number, conceptIds: number[]): string[] {
  if (conceptIds.length === 0)
    throw new StoreConflictError('Choose at least one concept the construct is built from.', 'conceptIds')
  return conceptIds.map((id) => requireConcept(tx, reviewId, id).label)
}

function linkConcepts(tx: Executor, thirdOrderId: number, conceptIds: number[]): void {
  tx.delete(thirdOrderConcepts).where(eq(thirdOrderConcepts.thirdOrderId, thirdOrderId)).run()
  for (const conceptId of new Set(conceptIds)) tx.insert(thirdOrderConcepts).values({ thirdOrderId, conceptId }).run()
}

export function addThirdOrder(
  db: Executor,
  reviewId: number,
  input: ThirdOrderInput,
  actorId: number,
): ThirdOrderConstruct {
  return db.transaction((tx) => {
    assertLabelFree(listThirdOrders(tx, reviewId), input.label, 'a third-order construct')
    const concepts = checkConcepts(tx, reviewId, input.conceptIds)
    const position = nextPosition(tx, thirdOrderConstructs.position, eq(thirdOrderConstructs.reviewId, reviewId))
    const thirdOrder = tx
      .insert(thirdOrderConstructs)
      .values({ reviewId, label: input.label, definition: input.definition, position, createdBy: actorId })
      .returning()
      .get()
    linkConcepts(tx, thirdOrder.id, input.conceptIds)
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'third_order.added',
      entityType: 'third_order_construct',
      entityId: thirdOrder.id,
      after: { label: input.label, definition: input.definition, concepts },
    })
    return thirdOrder
  })
}

export function conceptIdsOf(db: Executor, thirdOrderId: number): number[] {
  return db
    .select({ conceptId: thirdOrderConcepts.conceptId })
    .from(thirdOrderConcepts)
    .where(eq(thirdOrderConcepts.thirdOrderId, thirdOrderId))
    .all()
    .map((row) => row.conceptId)
}

export function editThirdOrder(
  db: Executor,
  reviewId: number,
  thirdOrderId: number,
  input: ThirdOrderInput,
  actorId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    const before = requireThirdOrder(tx, reviewId, thirdOrderId)
    assertLabelFree(listThirdOrders(tx, reviewId), input.label, 'a third-order construct', thirdOrderId)
    const concepts = checkConcepts(tx, reviewId, input.conceptIds)
    const conceptsBefore = conceptIdsOf(tx, thirdOrderId)
    tx.update(thirdOrderConstructs)
      .set({ label: input.label, definition: input.definition, updatedAt: now })
      .where(eq(thirdOrderConstructs.id, thirdOrderId))
      .run()
    linkConcepts(tx, thirdOrderId, input.conceptIds)
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'third_order.edited',
      entityType: 'third_order_construct',
      entityId: thirdOrderId,
      before: { label: before.label, definition: before.definition, conceptIds: conceptsBefore },
      after: { label: input.label, definition: input.definition, conceptIds: input.conceptIds, concepts },
    })
  })
}

export function deleteThirdOrder(
  db: Executor,
  reviewId: number,
  thirdOrderId: number,
  confirmed: boolean,
  actorId: number,
): void {
  db.transaction((tx) => {
    const thirdOrder = requireThirdOrder(tx, reviewId, thirdOrderId)
    const usage = thirdOrderUsage(tx, reviewId, thirdOrderId)
    assertDeletable(usage, confirmed, thirdOrder.label)
    const deletedFindings = usage.findings.filter((finding) => finding.deletedWithIt).map((finding) => finding.id)
    if (deletedFindings.length > 0) tx.delete(cerqualFindings).where(inArray(cerqualFindings.id, deletedFindings)).run()
    tx.delete(argumentNodes).where(eq(argumentNodes.thirdOrderId, thirdOrderId)).run()
    const concepts = conceptIdsOf(tx, thirdOrderId)
    tx.delete(thirdOrderConstructs).where(eq(thirdOrderConstructs.id, thirdOrderId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'third_order.deleted',
      entityType: 'third_order_construct',
      entityId: thirdOrderId,
      before: {
        label: thirdOrder.label,
        definition: thirdOrder.definition,
        conceptIds: concepts,
        findings: usage.findings,
        argumentNodes: usage.argumentNodes,
      },
    })
  })
}
