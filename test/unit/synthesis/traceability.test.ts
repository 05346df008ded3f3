import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { traceThirdOrders } from '../../../src/domain/synthesis/traceability.ts'
import { linkGraphs, reachableQuotes, reachableStudies } from '../../support/random-synthesis.ts'

const RUNS = { numRuns: 300 }

describe('traceability over random link graphs', () => {
  it('finds exactly the studies reachable through concepts and second-order constructs', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        for (const thirdOrder of graph.thirdOrders) {
          expect(traceThirdOrders(graph, [thirdOrder]).studyIds).toEqual(reachableStudies(graph, [thirdOrder]))
        }
      }),
      RUNS,
    )
  })

  it('finds exactly the quotes supporting the reachable constructs', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        for (const thirdOrder of graph.thirdOrders) {
          expect(traceThirdOrders(graph, [thirdOrder]).quoteIds).toEqual(reachableQuotes(graph, [thirdOrder]))
        }
      }),
      RUNS,
    )
  })

  it('traces the whole line of argument as the union of its constructs’ traces', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        const union = new Set(graph.thirdOrders.flatMap((id) => traceThirdOrders(graph, [id]).studyIds))
        expect(traceThirdOrders(graph, graph.thirdOrders).studyIds).toEqual([...union].sort((a, b) => a - b))
      }),
      RUNS,
    )
  })

  it('drops a study once its last mapped construct is unmapped, and keeps it while another path remains', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        const [mapping] = graph.mappings
        if (!mapping) return
        const without = { ...graph, mappings: graph.mappings.slice(1) }
        for (const thirdOrder of graph.thirdOrders) {
          const study = graph.constructStudy.get(mapping.secondOrderId)!
          const stillReachable = reachableStudies(without, [thirdOrder]).includes(study)
          expect(traceThirdOrders(without, [thirdOrder]).studyIds.includes(study)).toBe(stillReachable)
        }
      }),
      RUNS,
    )
  })

  it('never names a study, construct or quote outside the graph', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        const trace = traceThirdOrders(graph, graph.thirdOrders)
        for (const study of trace.studyIds) expect(graph.studies).toContain(study)
        for (const construct of trace.secondOrderIds) expect(graph.constructStudy.has(construct)).toBe(true)
        for (const quote of trace.quoteIds)
          expect(graph.constructQuotes.some((link) => link.firstOrderId === quote)).toBe(true)
      }),
      RUNS,
    )
  })

  it('traces nothing for a third-order construct built from no mapped concept', () => {
    fc.assert(
      fc.property(linkGraphs, (graph) => {
        expect(traceThirdOrders({ ...graph, mappings: [] }, graph.thirdOrders)).toMatchObject({
          studyIds: [],
          secondOrderIds: [],
          quoteIds: [],
        })
      }),
      { numRuns: 20 },
    )
  })
})
