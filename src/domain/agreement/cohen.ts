/**
 * Cohen's kappa for two reviewers and two categories (include/exclude), with the formulas of
 * METHOD.md §7.2, the approximate standard error shown beside it, and PABAK for the prevalence paradox
 * (most records excluded by both → high agreement, low kappa).
 */
import { kappaBand, type KappaBandScheme } from './kappa-bands.ts'

/** Reviewer A in the rows, reviewer B in the columns. */
export interface TwoByTwo {
  /** Both include. */
  a: number
  /** A includes, B excludes. */
  b: number
  /** A excludes, B includes. */
  c: number
  /** Both exclude. */
  d: number
}

export interface CohenKappa {
  kappa: number
  /** sqrt(p_o(1 − p_o) / (N(1 − p_e)²)), the approximation of §7.2, for display. */
  standardError: number
  band: string
  /** Chance agreement p_e, for showing how kappa came about. */
  expectedAgreement: number
}

export interface TwoByTwoAgreement {
  n: number
  table: TwoByTwo
  /** p_o as a percentage, 0–100. Null when N = 0. */
  percentAgreement: number | null
  /** Prevalence- and bias-adjusted kappa, 2·p_o − 1. Null when N = 0. */
  pabak: number | null
  kappa: CohenKappa | null
  /** Why kappa is null, in words the page can show. Null when kappa is defined. */
  kappaUndefinedReason: string | null
}

export const NO_SHARED_RECORDS = 'kappa undefined: no record was screened by both reviewers'
export const SAME_VERDICT_THROUGHOUT = 'kappa undefined: both reviewers gave every record the same verdict'

export function agreementFromTable(table: TwoByTwo, scheme: KappaBandScheme = 'landis-koch'): TwoByTwoAgreement {
  const { a, b, c, d } = table
  const n = a + b + c + d
  if (n === 0) {
    return { n, table, percentAgreement: null, pabak: null, kappa: null, kappaUndefinedReason: NO_SHARED_RECORDS }
  }
  const observed = (a + d) / n
  const expected = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
  const common = { n, table, percentAgreement: observed * 100, pabak: 2 * observed - 1 }
  // p_e = 1 only when both reviewers put every record in one and the same category: 0/0.
  if (expected >= 1) return { ...common, kappa: null, kappaUndefinedReason: SAME_VERDICT_THROUGHOUT }
  const kappa = (observed - expected) / (1 - expected)
  const standardError = Math.sqrt((observed * (1 - observed)) / (n * (1 - expected) ** 2))
  return {
    ...common,
    kappa: { kappa, standardError, band: kappaBand(kappa, scheme), expectedAgreement: expected },
    kappaUndefinedReason: null,
  }
}
