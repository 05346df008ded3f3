/**
 * Property tests draw their cases from fast-check: a failure comes back shrunk to a small case, with the
 * seed and path that replay it (`fc.assert(…, { seed, path })`). `drawFrom` lets a simulation written as
 * plain code (a review's decision history, a synthesis link graph) draw from fast-check's `gen`.
 */
import fc from 'fast-check'

export interface Draw {
  /** One of the items (shrinks towards the first). */
  pick<T>(items: readonly T[]): T
  /** A whole number from low to high, both included (shrinks towards low). */
  between(low: number, high: number): number
  /** True with probability p (shrinks towards false). */
  chance(p: number): boolean
}

export function drawFrom(g: fc.GeneratorValue): Draw {
  return {
    pick: (items) => g(fc.constantFrom, ...items),
    between: (low, high) => g(fc.integer, { min: low, max: high }),
    chance: (p) => g(fc.integer, { min: 0, max: 999 }) >= 1000 - p * 1000,
  }
}
