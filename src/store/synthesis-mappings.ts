/**
 * Mapping a study's second-order construct to a concept (a cell of the juxtaposition grid) and marking
 * how it translates: reciprocal, refutational (with the explanation) or untranslatable.
 */
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { conceptMappings, type ConceptMapping } from '../../db/schema.ts'
import type { TranslationKind } from '../domain/synthesis/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { requireConcept, requireSecondOrder } from './synthesis-guards.ts'

export interface TranslationInput {
  translation: TranslationKind
  explanation: string
}

function assertExplained(input: TranslationInput): void {
  if (input.translation === 'refutational' && input.explanation.trim() === '') {
    throw new StoreConflictError(
      'Say how the accounts contradict one another (a refutational translation needs its explanation).',
      'explanation',
    )
  }
}

export function mapConstruct(
  db: Executor,
  reviewId: number,
  conceptId: number,
  secondOrderId: number,
  input: TranslationInput,
  actorId: number,
): ConceptMapping {
  return db.transaction((tx) => {
    const concept = requireConcept(tx, reviewId, conceptId)
    const construct = requireSecondOrder(tx, reviewId, secondOrderId)
    assertExplained(input)
    const already = tx
      .select()
      .from(conceptMappings)
      .where(and(eq(conceptMappings.conceptId, conceptId), eq(conceptMappings.secondOrderId, secondOrderId)))
      .get()
    if (already)
      throw new StoreConflictError(`“${construct.label}” is already mapped to “${concept.label}”.`, 'secondOrderId')
    const mapping = tx
      .insert(conceptMappings)
      .values({ reviewId, conceptId, secondOrderId, ...input, createdBy: actorId })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'construct.mapped',
      entityType: 'concept_mapping',
      entityId: mapping.id,
      after: { concept: concept.label, construct: construct.label, studyId: construct.studyId, ...input },
    })
    return mapping
  })
}

function requireMapping(tx: Executor, reviewId: number, mappingId: number): ConceptMapping {
  const mapping = tx
    .select()
    .from(conceptMappings)
    .where(and(eq(conceptMappings.reviewId, reviewId), eq(conceptMappings.id, mappingId)))
    .get()
  if (!mapping) throw new StoreNotFoundError('This review has no such mapping.')
  return mapping
}

export function findMapping(db: Executor, reviewId: number, mappingId: number): ConceptMapping | undefined {
  return db
    .select()
    .from(conceptMappings)
    .where(and(eq(conceptMappings.reviewId, reviewId), eq(conceptMappings.id, mappingId)))
    .get()
}

export function unmapConstruct(db: Executor, reviewId: number, mappingId: number, actorId: number): ConceptMapping {
  return db.transaction((tx) => {
    const mapping = requireMapping(tx, reviewId, mappingId)
    tx.delete(conceptMappings).where(eq(conceptMappings.id, mappingId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'construct.unmapped',
      entityType: 'concept_mapping',
      entityId: mappingId,
      before: {
        conceptId: mapping.conceptId,
        secondOrderId: mapping.secondOrderId,
        translation: mapping.translation,
        explanation: mapping.explanation,
      },
    })
    return mapping
  })
}

export function setTranslation(
  db: Executor,
  reviewId: number,
  mappingId: number,
  input: TranslationInput,
  actorId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    const before = requireMapping(tx, reviewId, mappingId)
    assertExplained(input)
    if (before.translation === input.translation && before.explanation === input.explanation) return
    tx.update(conceptMappings)
      .set({ ...input, updatedAt: now })
      .where(eq(conceptMappings.id, mappingId))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'translation.marked',
      entityType: 'concept_mapping',
      entityId: mappingId,
      before: { translation: before.translation, explanation: before.explanation },
      after: { ...input },
    })
  })
}
