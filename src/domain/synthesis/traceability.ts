/**
 * Traceability of the synthesis (METHOD.md §2.4): a third-order construct rests on concepts, each concept
 * on the second-order constructs mapped to it, each construct on its study and its supporting quotes.
 * "Studies contributing to a finding" is exactly the set reachable through these links, so it is always
 * computed here and never typed in or stored.
 */

export interface SynthesisLinks {
  /** Construct → concept mappings (any translation kind: a refutation is evidence too). */
  mappings: readonly { conceptId: number; secondOrderId: number }[]
  /** Each second-order construct's study. */
  constructStudy: ReadonlyMap<number, number>
  /** Supporting quotes (first-order constructs) of each second-order construct. */
  constructQuotes: readonly { secondOrderId: number; firstOrderId: number }[]
  /** The concepts each third-order construct is built from. */
  thirdOrderConcepts: readonly { thirdOrderId: number; conceptId: number }[]
}

export interface Trace {
  conceptIds: number[]
  secondOrderIds: number[]
  studyIds: number[]
  quoteIds: number[]
}

const ascending = (a: number, b: number) => a - b

/** Everything reachable from a set of concepts: their constructs, those constructs' studies and quotes. */
export function traceConcepts(links: SynthesisLinks, conceptIds: Iterable<number>): Trace {
  const concepts = new Set(conceptIds)
  const constructs = new Set<number>()
  for (const mapping of links.mappings) if (concepts.has(mapping.conceptId)) constructs.add(mapping.secondOrderId)
  const studies = new Set<number>()
  for (const construct of constructs) {
    const study = links.constructStudy.get(construct)
    if (study !== undefined) studies.add(study)
  }
  const quotes = new Set<number>()
  for (const link of links.constructQuotes) if (constructs.has(link.secondOrderId)) quotes.add(link.firstOrderId)
  return {
    conceptIds: [...concepts].sort(ascending),
    secondOrderIds: [...constructs].sort(ascending),
    studyIds: [...studies].sort(ascending),
    quoteIds: [...quotes].sort(ascending),
  }
}

/** The concepts of some third-order constructs (one construct, or every node of the line of argument). */
export function conceptsOf(links: SynthesisLinks, thirdOrderIds: Iterable<number>): Set<number> {
  const wanted = new Set(thirdOrderIds)
  const concepts = new Set<number>()
  for (const link of links.thirdOrderConcepts) if (wanted.has(link.thirdOrderId)) concepts.add(link.conceptId)
  return concepts
}

/** Everything a set of third-order constructs rests on. */
export function traceThirdOrders(links: SynthesisLinks, thirdOrderIds: Iterable<number>): Trace {
  return traceConcepts(links, conceptsOf(links, thirdOrderIds))
}
