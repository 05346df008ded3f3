/**
 * Everything the synthesis tables and figures are computed from, as the store reads it for one review.
 * Plain data: the grid, translation tables, traces and CERQual rows are pure functions of it.
 */
import type { StudyForOrder } from './translation-order.ts'
import type { SynthesisLinks } from './traceability.ts'
import type { TranslationKind } from './vocabulary.ts'

export interface SnapshotConstruct {
  id: number
  studyId: number
  label: string
  description: string
  page: string
}

export interface SnapshotQuote {
  id: number
  studyId: number
  quote: string
  page: string
  participant: string
}

export interface SnapshotConcept {
  id: number
  label: string
  description: string
}

export interface SnapshotMapping {
  id: number
  conceptId: number
  secondOrderId: number
  translation: TranslationKind
  explanation: string
}

export interface SnapshotThirdOrder {
  id: number
  label: string
  definition: string
}

export interface SynthesisSnapshot {
  /** In translation order. */
  studies: StudyForOrder[]
  constructs: SnapshotConstruct[]
  quotes: SnapshotQuote[]
  constructQuotes: { secondOrderId: number; firstOrderId: number }[]
  concepts: SnapshotConcept[]
  mappings: SnapshotMapping[]
  thirdOrders: SnapshotThirdOrder[]
  thirdOrderConcepts: { thirdOrderId: number; conceptId: number }[]
}

export function linksOf(snapshot: SynthesisSnapshot): SynthesisLinks {
  return {
    mappings: snapshot.mappings,
    constructStudy: new Map(snapshot.constructs.map((construct) => [construct.id, construct.studyId])),
    constructQuotes: snapshot.constructQuotes,
    thirdOrderConcepts: snapshot.thirdOrderConcepts,
  }
}

/** Look-ups by id for rendering a trace. */
export function indexSnapshot(snapshot: SynthesisSnapshot) {
  return {
    study: new Map(snapshot.studies.map((study) => [study.id, study])),
    construct: new Map(snapshot.constructs.map((construct) => [construct.id, construct])),
    quote: new Map(snapshot.quotes.map((quote) => [quote.id, quote])),
    concept: new Map(snapshot.concepts.map((concept) => [concept.id, concept])),
    thirdOrder: new Map(snapshot.thirdOrders.map((thirdOrder) => [thirdOrder.id, thirdOrder])),
  }
}

export type SnapshotIndex = ReturnType<typeof indexSnapshot>

/** Study labels in translation order, for "studies contributing" columns. */
export function studyLabels(snapshot: SynthesisSnapshot, studyIds: readonly number[]): string[] {
  const wanted = new Set(studyIds)
  return snapshot.studies.filter((study) => wanted.has(study.id)).map((study) => study.label)
}
