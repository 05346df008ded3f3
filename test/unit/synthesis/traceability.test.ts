import { describe, expect, it } from 'vitest'
import { traceThirdOrders } from '../../../src/domain/synthesis/traceability.ts'
import { randomGraph, reachableQuotes, reachableStudies } from '../../support/random-synthesis.ts'

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1)

describe('traceability over random link graphs', () => {
  it('finds exactly the studies reachable through concepts and second-order constructs', () => {
    for (const seed of SEEDS) {
      const graph = randomGraph(seed)
      for (const thirdOrder of graph.thirdOrders) {
        expect(traceThirdOrders(graph, [thirdOrder]).studyIds, `seed ${seed}`).toEqual(
          reachableStudies(graph, [thirdOrder]),
        )
      }
    }
  })

  it('finds exactly the quotes supporting the reachable constructs', () => {
    for (const seed of SEEDS) {
      const graph = randomGraph(seed)
      for (const thirdOrder of graph.thirdOrders) {
        expect(traceThirdOrders(graph, [thirdOrder]).quoteIds, `seed ${seed}`).toEqual(
          reachableQuotes(graph, [thirdOrder]),
        )
      }
    }
  })

  it('traces the whole line of argument as the union of its constructs’ traces', () => {
    for (const seed of SEEDS) {
      const graph = randomGraph(seed)
      const union = new Set(graph.thirdOrders.flatMap((id) => traceThirdOrders(graph, [id]).studyIds))
      expect(traceThirdOrders(graph, graph.thirdOrders).studyIds, `seed ${seed}`).toEqual(
        [...union].sort((a, b) => a - b),
      )
    }
  })

  it('drops a study once its last mapped construct is unmapped, and keeps it while another path remains', () => {
    for (const seed of SEEDS) {
      const graph = randomGraph(seed)
      const [mapping] = graph.mappings
      if (!mapping) continue
      const without = { ...graph, mappings: graph.mappings.slice(1) }
      for (const thirdOrder of graph.thirdOrders) {
        const study = graph.constructStudy.get(mapping.secondOrderId)!
        const stillReachable = reachableStudies(without, [thirdOrder]).includes(study)
        expect(traceThirdOrders(without, [thirdOrder]).studyIds.includes(study), `seed ${seed}`).toBe(stillReachable)
      }
    }
  })

  it('never names a study, construct or quote outside the graph', () => {
    for (const seed of SEEDS) {
      const graph = randomGraph(seed)
      const trace = traceThirdOrders(graph, graph.thirdOrders)
      for (const study of trace.studyIds) expect(graph.studies).toContain(study)
      for (const construct of trace.secondOrderIds) expect(graph.constructStudy.has(construct)).toBe(true)
      for (const quote of trace.quoteIds)
        expect(graph.constructQuotes.some((link) => link.firstOrderId === quote)).toBe(true)
    }
  })

  it('traces nothing for a third-order construct built from no mapped concept', () => {
    const graph = randomGraph(7)
    expect(traceThirdOrders({ ...graph, mappings: [] }, graph.thirdOrders)).toMatchObject({
      studyIds: [],
      secondOrderIds: [],
      quoteIds: [],
    })
  })
})
