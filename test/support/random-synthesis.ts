/**
 * Random link graphs for property tests of traceability: studies with constructs and quotes, concepts
 * with random mappings, third-order constructs built from random concepts. Drawn by fast-check, so a
 * failure is shrunk to a small graph and can be replayed from its seed.
 */
import fc from 'fast-check'
import { drawFrom, type Draw } from './property.ts'

export interface RandomGraph {
  studies: number[]
  constructStudy: Map<number, number>
  constructQuotes: { secondOrderId: number; firstOrderId: number }[]
  concepts: number[]
  mappings: { conceptId: number; secondOrderId: number }[]
  thirdOrders: number[]
  thirdOrderConcepts: { thirdOrderId: number; conceptId: number }[]
}

/** Link graphs for `fc.property`. */
export const linkGraphs: fc.Arbitrary<RandomGraph> = fc.gen().map((g) => randomGraph(drawFrom(g)))

function randomGraph(draw: Draw): RandomGraph {
  const count = (max: number) => draw.between(0, max)
  const pick = <T>(items: readonly T[]) => draw.pick(items)
  const studies = Array.from({ length: 1 + count(6) }, (_, i) => 100 + i)
  const constructStudy = new Map<number, number>()
  const constructQuotes: RandomGraph['constructQuotes'] = []
  let quote = 1000
  for (let id = 1; id <= 1 + count(14); id++) {
    constructStudy.set(id, pick(studies))
    for (let q = count(2); q > 0; q--) constructQuotes.push({ secondOrderId: id, firstOrderId: quote++ })
  }
  const constructs = [...constructStudy.keys()]
  const concepts = Array.from({ length: 1 + count(6) }, (_, i) => 200 + i)
  const mappings = new Map<string, { conceptId: number; secondOrderId: number }>()
  for (let n = count(20); n > 0; n--) {
    const mapping = { conceptId: pick(concepts), secondOrderId: pick(constructs) }
    mappings.set(`${mapping.conceptId}:${mapping.secondOrderId}`, mapping)
  }
  const thirdOrders = Array.from({ length: 1 + count(4) }, (_, i) => 300 + i)
  const links = new Map<string, { thirdOrderId: number; conceptId: number }>()
  for (const thirdOrderId of thirdOrders) {
    for (let n = count(3); n > 0; n--) {
      const conceptId = pick(concepts)
      links.set(`${thirdOrderId}:${conceptId}`, { thirdOrderId, conceptId })
    }
  }
  return {
    studies,
    constructStudy,
    constructQuotes,
    concepts,
    mappings: [...mappings.values()],
    thirdOrders,
    thirdOrderConcepts: [...links.values()],
  }
}

/** Brute force: a study contributes iff some concept of the construct reaches a construct of that study. */
export function reachableStudies(graph: RandomGraph, thirdOrderIds: readonly number[]): number[] {
  const found = new Set<number>()
  for (const link of graph.thirdOrderConcepts) {
    if (!thirdOrderIds.includes(link.thirdOrderId)) continue
    for (const mapping of graph.mappings) {
      if (mapping.conceptId === link.conceptId) found.add(graph.constructStudy.get(mapping.secondOrderId)!)
    }
  }
  return [...found].sort((a, b) => a - b)
}

export function reachableQuotes(graph: RandomGraph, thirdOrderIds: readonly number[]): number[] {
  const found = new Set<number>()
  for (const link of graph.thirdOrderConcepts) {
    if (!thirdOrderIds.includes(link.thirdOrderId)) continue
    for (const mapping of graph.mappings) {
      if (mapping.conceptId !== link.conceptId) continue
      for (const support of graph.constructQuotes)
        if (support.secondOrderId === mapping.secondOrderId) found.add(support.firstOrderId)
    }
  }
  return [...found].sort((a, b) => a - b)
}
