/**
 * The reviewers' concepts (rows of the juxtaposition grid): add, rename, merge, delete. Each action is
 * one transaction with one audit event. A concept in use is deleted only when the caller confirms, having
 * shown what goes with it (synthesis-usage.ts); merging keeps every mapping and every third-order link.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { conceptMappings, synthesisConcepts, thirdOrderConcepts, type SynthesisConcept } from '../../db/schema.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { assertLabelFree, requireConcept } from './synthesis-guards.ts'
import { nextPosition } from './positions.ts'
import { assertDeletable, conceptUsage } from './synthesis-usage.ts'

export interface ConceptInput {
  label: string
  description: string
}

export function listConcepts(db: Executor, reviewId: number): SynthesisConcept[] {
  return db
    .select()
    .from(synthesisConcepts)
    .where(eq(synthesisConcepts.reviewId, reviewId))
    .orderBy(asc(synthesisConcepts.position), asc(synthesisConcepts.id))
    .all()
}

export function addConcept(db: Executor, reviewId: number, input: ConceptInput, actorId: number): SynthesisConcept {
  return db.transaction((tx) => {
    assertLabelFree(listConcepts(tx, reviewId), input.label, 'a concept')
    const position = nextPosition(tx, synthesisConcepts.position, eq(synthesisConcepts.reviewId, reviewId))
    const concept = tx
      .insert(synthesisConcepts)
      .values({ reviewId, ...input, position, createdBy: actorId })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'concept.added',
      entityType: 'concept',
      entityId: concept.id,
      after: { ...input },
    })
    return concept
  })
}

export function editConcept(
  db: Executor,
  reviewId: number,
  conceptId: number,
  input: ConceptInput,
  actorId: number,
): void {
  db.transaction((tx) => {
    const before = requireConcept(tx, reviewId, conceptId)
    if (before.label === input.label && before.description === input.description) return
    assertLabelFree(listConcepts(tx, reviewId), input.label, 'a concept', conceptId)
    tx.update(synthesisConcepts).set(input).where(eq(synthesisConcepts.id, conceptId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'concept.edited',
      entityType: 'concept',
      entityId: conceptId,
      before: { label: before.label, description: before.description },
      after: { ...input },
    })
  })
}

/**
 * Merges concept `fromId` into `intoId`: its mappings move over (a construct mapped to both keeps one
 * mapping, refutational or untranslatable if either was), so do the third-order constructs built from it;
 * then it goes.
 */
export function mergeConcepts(db: Executor, reviewId: number, fromId: number, intoId: number, actorId: number): void {
  db.transaction((tx) => {
    if (fromId === intoId) throw new StoreConflictError('Choose another concept to merge into.', 'into')
    const from = requireConcept(tx, reviewId, fromId)
    const into = requireConcept(tx, reviewId, intoId)
    const existing = new Map(
      tx
        .select()
        .from(conceptMappings)
        .where(eq(conceptMappings.conceptId, intoId))
        .all()
        .map((m) => [m.secondOrderId, m]),
    )
    const moving = tx.select().from(conceptMappings).where(eq(conceptMappings.conceptId, fromId)).all()
    const dropped = moving.filter((mapping) => existing.has(mapping.secondOrderId))
    for (const mapping of moving) {
      const kept = existing.get(mapping.secondOrderId)
      if (!kept) {
        tx.update(conceptMappings).set({ conceptId: intoId }).where(eq(conceptMappings.id, mapping.id)).run()
        continue
      }
      tx.delete(conceptMappings).where(eq(conceptMappings.id, mapping.id)).run()
      // A refutation or an untranslatable mark is a judgement the team made: it outweighs a plain reciprocal mapping.
      if (kept.translation === 'reciprocal' && mapping.translation !== 'reciprocal') {
        tx.update(conceptMappings)
          .set({ translation: mapping.translation, explanation: mapping.explanation })
          .where(eq(conceptMappings.id, kept.id))
          .run()
      }
    }
    const builtFrom = tx.select().from(thirdOrderConcepts).where(eq(thirdOrderConcepts.conceptId, fromId)).all()
    for (const link of builtFrom) {
      tx.delete(thirdOrderConcepts)
        .where(and(eq(thirdOrderConcepts.thirdOrderId, link.thirdOrderId), eq(thirdOrderConcepts.conceptId, fromId)))
        .run()
      tx.insert(thirdOrderConcepts)
        .values({ thirdOrderId: link.thirdOrderId, conceptId: intoId })
        .onConflictDoNothing()
        .run()
    }
    if (!into.description && from.description) {
      tx.update(synthesisConcepts).set({ description: from.description }).where(eq(synthesisConcepts.id, intoId)).run()
    }
    tx.delete(synthesisConcepts).where(eq(synthesisConcepts.id, fromId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'concept.merged',
      entityType: 'concept',
      entityId: intoId,
      before: { merged: { id: from.id, label: from.label, description: from.description }, into: into.label },
      after: {
        label: into.label,
        mappingsMoved: moving.length - dropped.length,
        mappingsAlreadyThere: dropped.map((mapping) => ({
          secondOrderId: mapping.secondOrderId,
          translation: mapping.translation,
        })),
        thirdOrderConstructs: builtFrom.map((link) => link.thirdOrderId),
      },
    })
  })
}

/**
 * Deletes a concept. One that anything uses (mappings, third-order constructs) is refused unless
 * `confirmed`, i.e. the person was shown conceptUsage() and agreed; then its mappings and third-order
 * links go with it, and the audit event lists them.
 */
export function deleteConcept(
  db: Executor,
  reviewId: number,
  conceptId: number,
  confirmed: boolean,
  actorId: number,
): void {
  db.transaction((tx) => {
    const concept = requireConcept(tx, reviewId, conceptId)
    const usage = conceptUsage(tx, reviewId, conceptId)
    assertDeletable(usage, confirmed, concept.label)
    tx.delete(conceptMappings).where(eq(conceptMappings.conceptId, conceptId)).run()
    tx.delete(thirdOrderConcepts).where(eq(thirdOrderConcepts.conceptId, conceptId)).run()
    tx.delete(synthesisConcepts).where(eq(synthesisConcepts.id, conceptId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'concept.deleted',
      entityType: 'concept',
      entityId: conceptId,
      before: {
        label: concept.label,
        description: concept.description,
        mappings: usage.mappings,
        thirdOrderConstructs: usage.thirdOrders,
        findingsChanged: usage.findings,
      },
    })
  })
}
