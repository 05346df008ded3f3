/**
 * What depends on a concept, a second-order construct or a third-order construct: shown on the page that
 * asks before deleting it, and written into the audit event of the deletion, so nothing leaves the
 * synthesis without anyone seeing what went with it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  argumentNodes,
  argumentRelations,
  cerqualFindings,
  conceptMappings,
  secondOrderConstructs,
  studies,
  synthesisConcepts,
  thirdOrderConcepts,
  thirdOrderConstructs,
} from '../../db/schema.ts'
import type { MappingUsage, SynthesisUsage } from '../domain/synthesis/usage.ts'
import { StoreConflictError } from './errors.ts'

export function isUnused(usage: SynthesisUsage): boolean {
  return usage.mappings.length + usage.thirdOrders.length + usage.findings.length + usage.argumentNodes.length === 0
}

/**
 * Deleting something the synthesis uses breaks what uses it, so it goes ahead only once the person was shown
 * the usage and `confirmed`.
 */
export function assertDeletable(
  usage: SynthesisUsage,
  confirmed: boolean,
  label: string,
  goesWithIt = 'what uses it',
): void {
  if (!confirmed && !isUnused(usage)) {
    throw new StoreConflictError(`“${label}” is used in the synthesis: confirm to delete it with ${goesWithIt}.`)
  }
}

function mappingsWhere(tx: Executor, where: ReturnType<typeof eq>): MappingUsage[] {
  return tx
    .select({
      mappingId: conceptMappings.id,
      conceptLabel: synthesisConcepts.label,
      constructLabel: secondOrderConstructs.label,
      studyLabel: studies.label,
      translation: conceptMappings.translation,
    })
    .from(conceptMappings)
    .innerJoin(synthesisConcepts, eq(synthesisConcepts.id, conceptMappings.conceptId))
    .innerJoin(secondOrderConstructs, eq(secondOrderConstructs.id, conceptMappings.secondOrderId))
    .innerJoin(studies, eq(studies.id, secondOrderConstructs.studyId))
    .where(where)
    .orderBy(asc(conceptMappings.id))
    .all()
}

function thirdOrdersUsingConcepts(tx: Executor, conceptIds: number[]): { id: number; label: string }[] {
  if (conceptIds.length === 0) return []
  return tx
    .selectDistinct({ id: thirdOrderConstructs.id, label: thirdOrderConstructs.label })
    .from(thirdOrderConcepts)
    .innerJoin(thirdOrderConstructs, eq(thirdOrderConstructs.id, thirdOrderConcepts.thirdOrderId))
    .where(inArray(thirdOrderConcepts.conceptId, conceptIds))
    .orderBy(asc(thirdOrderConstructs.position))
    .all()
}

/**
 * Findings whose evidence rests on these third-order constructs: those built on one of them, and any
 * line-of-argument finding when one of them is a node of the model.
 */
export function findingsRestingOn(
  tx: Executor,
  reviewId: number,
  thirdOrderIds: number[],
): { id: number; summary: string; deletedWithIt: boolean; basis: 'third_order' | 'line_of_argument' }[] {
  if (thirdOrderIds.length === 0) return []
  const inModel = tx
    .select({ id: argumentNodes.id })
    .from(argumentNodes)
    .where(and(eq(argumentNodes.reviewId, reviewId), inArray(argumentNodes.thirdOrderId, thirdOrderIds)))
    .all()
  return tx
    .select({
      id: cerqualFindings.id,
      summary: cerqualFindings.summary,
      basis: cerqualFindings.basis,
      thirdOrderId: cerqualFindings.thirdOrderId,
    })
    .from(cerqualFindings)
    .where(eq(cerqualFindings.reviewId, reviewId))
    .orderBy(asc(cerqualFindings.position))
    .all()
    .filter((finding) =>
      finding.basis === 'third_order' ? thirdOrderIds.includes(finding.thirdOrderId ?? -1) : inModel.length > 0,
    )
    .map(({ id, summary, basis }) => ({ id, summary, basis, deletedWithIt: false }))
}

export function conceptUsage(tx: Executor, reviewId: number, conceptId: number): SynthesisUsage {
  return usageThroughConcepts(tx, reviewId, mappingsWhere(tx, eq(conceptMappings.conceptId, conceptId)), [conceptId])
}

export function secondOrderUsage(tx: Executor, reviewId: number, secondOrderId: number): SynthesisUsage {
  const mappings = mappingsWhere(tx, eq(conceptMappings.secondOrderId, secondOrderId))
  const conceptIds = tx
    .select({ conceptId: conceptMappings.conceptId })
    .from(conceptMappings)
    .where(eq(conceptMappings.secondOrderId, secondOrderId))
    .all()
    .map((row) => row.conceptId)
  return usageThroughConcepts(tx, reviewId, mappings, conceptIds)
}

/** What rests on these concepts: the third-order constructs built on them, and the findings on those. */
function usageThroughConcepts(
  tx: Executor,
  reviewId: number,
  mappings: SynthesisUsage['mappings'],
  conceptIds: number[],
): SynthesisUsage {
  const thirdOrders = thirdOrdersUsingConcepts(tx, conceptIds)
  const findings = findingsRestingOn(
    tx,
    reviewId,
    thirdOrders.map((thirdOrder) => thirdOrder.id),
  )
  return { mappings, thirdOrders, findings, argumentNodes: [] }
}

export function thirdOrderUsage(tx: Executor, reviewId: number, thirdOrderId: number): SynthesisUsage {
  const nodes = tx
    .select({ id: argumentNodes.id, label: thirdOrderConstructs.label })
    .from(argumentNodes)
    .innerJoin(thirdOrderConstructs, eq(thirdOrderConstructs.id, argumentNodes.thirdOrderId))
    .where(eq(argumentNodes.thirdOrderId, thirdOrderId))
    .all()
  const relations = tx.select().from(argumentRelations).where(eq(argumentRelations.reviewId, reviewId)).all()
  return {
    mappings: [],
    thirdOrders: [],
    findings: findingsRestingOn(tx, reviewId, [thirdOrderId]).map((finding) => ({
      ...finding,
      deletedWithIt: finding.basis === 'third_order',
    })),
    argumentNodes: nodes.map((node) => ({
      ...node,
      relations: relations.filter((relation) => relation.fromNodeId === node.id || relation.toNodeId === node.id)
        .length,
    })),
  }
}
