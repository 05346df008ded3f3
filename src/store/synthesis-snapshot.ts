/**
 * Reads one review's synthesis as plain data (src/domain/synthesis/snapshot.ts): studies in translation
 * order, their constructs and quotes, the concepts, mappings and third-order constructs. Every table,
 * trace and figure is computed from this, so none can disagree with what is stored.
 */
import { and, asc, eq, inArray, min } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  constructQuotes,
  conceptMappings,
  firstOrderConstructs,
  records,
  reports,
  secondOrderConstructs,
  studies,
  synthesisConcepts,
  thirdOrderConcepts,
  thirdOrderConstructs,
  translationOrderPositions,
  translationOrders,
} from '../../db/schema.ts'
import type { SynthesisSnapshot } from '../domain/synthesis/snapshot.ts'
import {
  CHRONOLOGICAL,
  orderStudies,
  studyYear,
  type StudyForOrder,
  type TranslationOrderSetting,
} from '../domain/synthesis/translation-order.ts'
import { synthesisStudyIds } from './stages.ts'

export interface StoredTranslationOrder {
  setting: TranslationOrderSetting
  rationale: string
}

export function readTranslationOrder(db: Executor, reviewId: number): StoredTranslationOrder {
  const row = db.select().from(translationOrders).where(eq(translationOrders.reviewId, reviewId)).get()
  const positions = db
    .select({ studyId: translationOrderPositions.studyId, position: translationOrderPositions.position })
    .from(translationOrderPositions)
    .where(eq(translationOrderPositions.reviewId, reviewId))
    .all()
  if (!row) return { setting: CHRONOLOGICAL, rationale: '' }
  return {
    setting: {
      kind: row.kind,
      indexStudyId: row.indexStudyId,
      positions: new Map(positions.map((p) => [p.studyId, p.position])),
    },
    rationale: row.rationale,
  }
}

/**
 * The studies in the synthesis (stages.ts: included, not excluded after appraisal) with their years
 * (earliest report's year, else the year in the label), unordered.
 */
export function studiesForOrder(db: Executor, reviewId: number): StudyForOrder[] {
  const rows = db
    .select({ id: studies.id, label: studies.label })
    .from(studies)
    .where(and(eq(studies.reviewId, reviewId), inArray(studies.id, synthesisStudyIds(db, reviewId))))
    .all()
  const years = db
    .select({ studyId: reports.studyId, year: min(records.year) })
    .from(reports)
    .innerJoin(records, eq(records.id, reports.recordId))
    .where(eq(reports.reviewId, reviewId))
    .groupBy(reports.studyId)
    .all()
  const yearOf = new Map(years.map((row) => [row.studyId, row.year]))
  return rows.map((row) => ({ ...row, year: studyYear(row.label, [yearOf.get(row.id) ?? null]) }))
}

export function orderedStudies(db: Executor, reviewId: number): StudyForOrder[] {
  return orderStudies(studiesForOrder(db, reviewId), readTranslationOrder(db, reviewId).setting)
}

/**
 * The synthesis as stored, limited to the studies in the synthesis: a study excluded after appraisal
 * leaves the grid, the tables and the traces with its constructs and quotes (they stay stored).
 */
export function loadSynthesisSnapshot(db: Executor, reviewId: number): SynthesisSnapshot {
  const ordered = orderedStudies(db, reviewId)
  const inSynthesis = new Set(ordered.map((study) => study.id))
  const constructs = db
    .select({
      id: secondOrderConstructs.id,
      studyId: secondOrderConstructs.studyId,
      label: secondOrderConstructs.label,
      description: secondOrderConstructs.description,
      page: secondOrderConstructs.page,
    })
    .from(secondOrderConstructs)
    .where(eq(secondOrderConstructs.reviewId, reviewId))
    .orderBy(asc(secondOrderConstructs.studyId), asc(secondOrderConstructs.position), asc(secondOrderConstructs.id))
    .all()
    .filter((construct) => inSynthesis.has(construct.studyId))
  const quotes = db
    .select({
      id: firstOrderConstructs.id,
      studyId: firstOrderConstructs.studyId,
      quote: firstOrderConstructs.quote,
      page: firstOrderConstructs.page,
      participant: firstOrderConstructs.participant,
    })
    .from(firstOrderConstructs)
    .where(eq(firstOrderConstructs.reviewId, reviewId))
    .orderBy(asc(firstOrderConstructs.studyId), asc(firstOrderConstructs.position), asc(firstOrderConstructs.id))
    .all()
    .filter((quote) => inSynthesis.has(quote.studyId))
  const constructIds = constructs.map((construct) => construct.id)
  const supporting =
    constructIds.length === 0
      ? []
      : db
          .select({ secondOrderId: constructQuotes.secondOrderId, firstOrderId: constructQuotes.firstOrderId })
          .from(constructQuotes)
          .where(inArray(constructQuotes.secondOrderId, constructIds))
          .all()
  const concepts = db
    .select({ id: synthesisConcepts.id, label: synthesisConcepts.label, description: synthesisConcepts.description })
    .from(synthesisConcepts)
    .where(eq(synthesisConcepts.reviewId, reviewId))
    .orderBy(asc(synthesisConcepts.position), asc(synthesisConcepts.id))
    .all()
  const kept = new Set(constructIds)
  const mappings = db
    .select({
      id: conceptMappings.id,
      conceptId: conceptMappings.conceptId,
      secondOrderId: conceptMappings.secondOrderId,
      translation: conceptMappings.translation,
      explanation: conceptMappings.explanation,
    })
    .from(conceptMappings)
    .where(eq(conceptMappings.reviewId, reviewId))
    .orderBy(asc(conceptMappings.id))
    .all()
    .filter((mapping) => kept.has(mapping.secondOrderId))
  const thirdOrders = db
    .select({
      id: thirdOrderConstructs.id,
      label: thirdOrderConstructs.label,
      definition: thirdOrderConstructs.definition,
    })
    .from(thirdOrderConstructs)
    .where(eq(thirdOrderConstructs.reviewId, reviewId))
    .orderBy(asc(thirdOrderConstructs.position), asc(thirdOrderConstructs.id))
    .all()
  const thirdOrderIds = thirdOrders.map((thirdOrder) => thirdOrder.id)
  const builtFrom =
    thirdOrderIds.length === 0
      ? []
      : db
          .select({ thirdOrderId: thirdOrderConcepts.thirdOrderId, conceptId: thirdOrderConcepts.conceptId })
          .from(thirdOrderConcepts)
          .where(inArray(thirdOrderConcepts.thirdOrderId, thirdOrderIds))
          .all()
  return {
    studies: ordered,
    constructs,
    quotes,
    constructQuotes: supporting,
    concepts,
    mappings,
    thirdOrders,
    thirdOrderConcepts: builtFrom,
  }
}
