/**
 * The chain behind third-order constructs, nested for reading: each concept, the constructs mapped to it
 * (with study, translation and supporting quotes), and the contributing studies. Detail pages, node
 * click-through and the report all show this.
 */
import {
  indexSnapshot,
  linksOf,
  type SnapshotConcept,
  type SnapshotConstruct,
  type SnapshotMapping,
  type SnapshotQuote,
  type SynthesisSnapshot,
} from './snapshot.ts'
import { traceThirdOrders } from './traceability.ts'
import type { StudyForOrder } from './translation-order.ts'

export interface ChainEntry {
  construct: SnapshotConstruct
  study: StudyForOrder
  mapping: SnapshotMapping
  quotes: SnapshotQuote[]
}

export interface ConstructChain {
  concepts: { concept: SnapshotConcept; entries: ChainEntry[] }[]
  /** In translation order. */
  studies: StudyForOrder[]
  quotes: SnapshotQuote[]
}

export function chainOf(snapshot: SynthesisSnapshot, thirdOrderIds: readonly number[]): ConstructChain {
  const index = indexSnapshot(snapshot)
  const trace = traceThirdOrders(linksOf(snapshot), thirdOrderIds)
  const order = new Map(snapshot.studies.map((study, position) => [study.id, position]))
  const quotesOf = (constructId: number) =>
    snapshot.constructQuotes
      .filter((link) => link.secondOrderId === constructId)
      .map((link) => index.quote.get(link.firstOrderId))
      .filter((quote) => quote !== undefined)
  const concepts = snapshot.concepts
    .filter((concept) => trace.conceptIds.includes(concept.id))
    .map((concept) => ({
      concept,
      entries: snapshot.mappings
        .filter((mapping) => mapping.conceptId === concept.id)
        .flatMap((mapping) => {
          const construct = index.construct.get(mapping.secondOrderId)
          const study = construct ? index.study.get(construct.studyId) : undefined
          return construct && study ? [{ construct, study, mapping, quotes: quotesOf(construct.id) }] : []
        })
        .sort((a, b) => (order.get(a.study.id) ?? 0) - (order.get(b.study.id) ?? 0)),
    }))
  const studies = new Set(trace.studyIds)
  const quotes = new Set(trace.quoteIds)
  return {
    concepts,
    studies: snapshot.studies.filter((study) => studies.has(study.id)),
    quotes: snapshot.quotes.filter((quote) => quotes.has(quote.id)),
  }
}
