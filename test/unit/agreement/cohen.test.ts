import { describe, expect, it } from 'vitest'
import { agreementFromTable, NO_SHARED_RECORDS, SAME_VERDICT_THROUGHOUT } from '../../../src/domain/agreement/index.ts'

describe('agreementFromTable (METHOD.md §7.2, the 2×2 formulas)', () => {
  it('computes p_o, p_e, kappa, its standard error and PABAK for the textbook table a=20 b=5 c=10 d=15', () => {
    // N = 50. p_o = (a + d)/N = 35/50 = 0.70.
    // p_e = [(a+b)(a+c) + (c+d)(b+d)]/N² = [25·30 + 25·20]/2500 = (750 + 500)/2500 = 0.50.
    // κ = (0.70 − 0.50)/(1 − 0.50) = 0.40 → Landis & Koch "fair" (0.21–0.40).
    // SE = sqrt(p_o(1 − p_o)/(N(1 − p_e)²)) = sqrt(0.21/(50·0.25)) = sqrt(0.0168) = 0.129615…
    // PABAK = 2·0.70 − 1 = 0.40.
    const result = agreementFromTable({ a: 20, b: 5, c: 10, d: 15 })
    expect(result.n).toBe(50)
    expect(result.percentAgreement).toBeCloseTo(70, 10)
    expect(result.kappa?.expectedAgreement).toBeCloseTo(0.5, 10)
    expect(result.kappa?.kappa).toBeCloseTo(0.4, 10)
    expect(result.kappa?.standardError).toBeCloseTo(0.129615, 6)
    expect(result.kappa?.band).toBe('Fair')
    expect(result.pabak).toBeCloseTo(0.4, 10)
    expect(result.kappaUndefinedReason).toBeNull()
  })

  it('shows the prevalence paradox: 96% agreement on mostly excluded records, kappa only fair, PABAK high', () => {
    // a=1 b=2 c=2 d=95, N = 100. p_o = 96/100 = 0.96.
    // p_e = [3·3 + 97·97]/10000 = (9 + 9409)/10000 = 0.9418.
    // κ = (0.96 − 0.9418)/(1 − 0.9418) = 0.0182/0.0582 = 0.312715… → "fair".
    // SE = sqrt(0.96·0.04/(100·0.0582²)) = sqrt(0.0384/0.338724) = sqrt(0.113367) = 0.336700…
    // PABAK = 2·0.96 − 1 = 0.92.
    const result = agreementFromTable({ a: 1, b: 2, c: 2, d: 95 })
    expect(result.percentAgreement).toBeCloseTo(96, 10)
    expect(result.kappa?.kappa).toBeCloseTo(0.312715, 6)
    expect(result.kappa?.standardError).toBeCloseTo(0.3367, 4)
    expect(result.kappa?.band).toBe('Fair')
    expect(result.pabak).toBeCloseTo(0.92, 10)
  })

  it('gives kappa 1 with standard error 0 when the reviewers agree on every record and use both verdicts', () => {
    // a=3 d=7: p_o = 1; p_e = (3·3 + 7·7)/100 = 0.58; κ = (1 − 0.58)/(1 − 0.58) = 1; SE = sqrt(0/…) = 0.
    const result = agreementFromTable({ a: 3, b: 0, c: 0, d: 7 })
    expect(result.kappa).toEqual({ kappa: 1, standardError: 0, band: 'Almost perfect', expectedAgreement: 0.58 })
  })

  it('gives a negative kappa, banded poor, when the reviewers disagree more than chance would', () => {
    // a=0 b=5 c=5 d=0: p_o = 0; p_e = (5·5 + 5·5)/100 = 0.5; κ = (0 − 0.5)/0.5 = −1; PABAK = −1.
    const result = agreementFromTable({ a: 0, b: 5, c: 5, d: 0 })
    expect(result.kappa?.kappa).toBe(-1)
    expect(result.kappa?.band).toBe('Poor (less than chance)')
    expect(result.pabak).toBe(-1)
  })

  it('returns kappa null with a reason, not NaN, when both reviewers gave every record the same verdict', () => {
    // d = 12 only: p_o = 1, p_e = (0·0 + 12·12)/144 = 1 → κ = 0/0.
    const result = agreementFromTable({ a: 0, b: 0, c: 0, d: 12 })
    expect(result.kappa).toBeNull()
    expect(result.kappaUndefinedReason).toBe(SAME_VERDICT_THROUGHOUT)
    expect(SAME_VERDICT_THROUGHOUT).toBe('kappa undefined: both reviewers gave every record the same verdict')
    // Agreement and PABAK are still defined: 100% and 2·1 − 1 = 1.
    expect(result.percentAgreement).toBe(100)
    expect(result.pabak).toBe(1)
  })

  it('keeps kappa defined when one reviewer used a single verdict but the other did not', () => {
    // A excluded all 4, B included 1: a=0 b=0 c=1 d=3. p_o = 3/4; p_e = (0·1 + 4·3)/16 = 0.75 → κ = 0.
    const result = agreementFromTable({ a: 0, b: 0, c: 1, d: 3 })
    expect(result.kappa?.kappa).toBe(0)
    expect(result.kappa?.band).toBe('Slight')
  })

  it('returns every figure as null with a reason when no record was screened by both reviewers', () => {
    const result = agreementFromTable({ a: 0, b: 0, c: 0, d: 0 })
    expect(result).toEqual({
      n: 0,
      table: { a: 0, b: 0, c: 0, d: 0 },
      percentAgreement: null,
      pabak: null,
      kappa: null,
      kappaUndefinedReason: NO_SHARED_RECORDS,
    })
  })

  it('bands with the McHugh scheme when the review chooses it', () => {
    // Same table as the textbook example: κ = 0.40 → McHugh "weak" (0.40–0.59).
    expect(agreementFromTable({ a: 20, b: 5, c: 10, d: 15 }, 'mchugh').kappa?.band).toBe('Weak')
  })
})
