/**
 * Krippendorff's alpha for nominal data (METHOD.md §7.3): any number of raters, and missing ratings are
 * fine, so it suits a review where not every reviewer screens every record.
 */

export interface KrippendorffAlpha {
  alpha: number | null
  /** Why alpha is null, in words the page can show. */
  reason: string | null
  /** Krippendorff's reading: reliable (α ≥ 0.800), tentative (≥ 0.667) or unreliable; null with alpha. */
  reading: string | null
  /** Records with two or more ratings: the only ones alpha can use. */
  units: number
  /** Ratings in those records (n in the formula). */
  pairableValues: number
}

/**
 * `units[u]` lists the values unit u received (missing ratings simply absent). Units with fewer than
 * two values carry no information on agreement and are left out. With the coincidence matrix o_ck
 * (each unit of m values adds, for every ordered pair of its values from different raters, 1/(m − 1)),
 * n_c = Σ_k o_ck and n = Σ_c n_c, nominal alpha is
 *   α = 1 − (n − 1) · (n − Σ_c o_cc) / (n² − Σ_c n_c²).
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): KrippendorffAlpha {
  let unitCount = 0
  let n = 0
  let agreeing = 0 // Σ_c o_cc
  const totals = new Map<string, number>() // n_c
  for (const values of units) {
    const m = values.length
    if (m < 2) continue
    unitCount++
    n += m
    const counts = new Map<string, number>()
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
    for (const [value, count] of counts) {
      agreeing += (count * (count - 1)) / (m - 1)
      totals.set(value, (totals.get(value) ?? 0) + count)
    }
  }
  const base = { units: unitCount, pairableValues: n }
  if (unitCount === 0)
    return {
      alpha: null,
      reason: 'alpha undefined: no record has ratings from two or more reviewers',
      reading: null,
      ...base,
    }
  let squares = 0
  for (const total of totals.values()) squares += total * total
  const expectedDisagreement = n * n - squares
  if (expectedDisagreement === 0)
    return { alpha: null, reason: 'alpha undefined: every rating was the same verdict', reading: null, ...base }
  const alpha = 1 - ((n - 1) * (n - agreeing)) / expectedDisagreement
  return { alpha, reason: null, reading: alphaReading(alpha), ...base }
}

/** Krippendorff's thresholds, applied to alpha as shown (three decimals). */
export function alphaReading(alpha: number): string {
  const shown = Math.round(alpha * 1000) / 1000
  if (shown >= 0.8) return 'Reliable (α ≥ 0.800)'
  if (shown >= 0.667) return 'Tentative (0.667 ≤ α < 0.800)'
  return 'Unreliable (α < 0.667)'
}
