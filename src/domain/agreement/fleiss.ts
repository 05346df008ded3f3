/**
 * Fleiss' kappa (METHOD.md §7.3): agreement when every item has the same number n of ratings; the raters
 * need not be the same people from item to item, which suits a pool where any two reviewers take a record.
 */
import { kappaBand, type KappaBandScheme } from './kappa-bands.ts'

export interface FleissKappa {
  kappa: number | null
  /** Why kappa is null, in words the page can show. */
  reason: string | null
  /** Landis & Koch (or the chosen scheme's) words for kappa; null with kappa. */
  band: string | null
  /** Items (records) the figure is computed over. */
  items: number
  /** n, the number of ratings every one of those items has. */
  ratingsPerItem: number
}

/**
 * `counts[i][j]` is how many raters put item i in category j. Every row must add up to the same n ≥ 2:
 *   P_i = (Σ_j n_ij² − n) / (n(n − 1)),  P̄ = mean P_i,  p_j = Σ_i n_ij / (N·n),  P̄_e = Σ_j p_j²,
 *   κ = (P̄ − P̄_e) / (1 − P̄_e).
 */
export function fleissKappa(
  counts: readonly (readonly number[])[],
  scheme: KappaBandScheme = 'landis-koch',
): FleissKappa {
  const items = counts.length
  const n = items === 0 ? 0 : sum(counts[0] ?? [])
  const undefinedAs = (reason: string): FleissKappa => ({ kappa: null, reason, band: null, items, ratingsPerItem: n })
  if (items === 0) return undefinedAs('kappa undefined: no record has ratings from two or more reviewers')
  if (n < 2) return undefinedAs('kappa undefined: each record needs at least two ratings')
  if (counts.some((row) => sum(row) !== n))
    return undefinedAs('kappa undefined: records have different numbers of ratings')

  const categoryTotals: number[] = []
  let agreementSum = 0
  for (const row of counts) {
    let squares = 0
    row.forEach((count, j) => {
      squares += count * count
      categoryTotals[j] = (categoryTotals[j] ?? 0) + count
    })
    agreementSum += (squares - n) / (n * (n - 1))
  }
  const observed = agreementSum / items
  const expected = sum(categoryTotals.map((total) => (total / (items * n)) ** 2))
  if (expected >= 1) return undefinedAs('kappa undefined: every rating was the same verdict')
  const kappa = (observed - expected) / (1 - expected)
  return { kappa, reason: null, band: kappaBand(kappa, scheme), items, ratingsPerItem: n }
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}
