import { describe, expect, it } from 'vitest'
import {
  fleissKappa,
  krippendorffAlphaNominal,
  multiRaterAgreement,
  type AgreementVerdict,
  type AgreementVote,
} from '../../../src/domain/agreement/index.ts'

const vote = (recordId: number, reviewerId: number, verdict: AgreementVerdict): AgreementVote => ({
  recordId,
  reviewerId,
  verdict,
})

describe('fleissKappa', () => {
  it("reproduces Fleiss's published example: 10 subjects, 14 raters, 5 categories, κ = 0.210", () => {
    // The table of Fleiss (1971) as reprinted in most textbooks (rows: subjects; columns: categories 1–5).
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]
    // n = 14, n(n − 1) = 182. Σ_j n_ij² per row: 196, 60, 70, 94, 74, 98, 58, 46, 66, 66.
    // P_i = (Σ_j n_ij² − 14)/182: numerators 182, 46, 56, 80, 60, 84, 44, 32, 52, 52 (sum 688).
    // P̄ = 688/(10·182) = 688/1820 = 0.378022.
    // Column totals 20, 28, 39, 21, 32 (sum 140 = N·n): p_j = 20/140 … 32/140.
    // P̄_e = (20² + 28² + 39² + 21² + 32²)/140² = (400 + 784 + 1521 + 441 + 1024)/19600 = 4170/19600 = 0.212755.
    // κ = (0.378022 − 0.212755)/(1 − 0.212755) = 0.165267/0.787245 = 0.209930 → "fair".
    const result = fleissKappa(counts)
    expect(result.kappa).toBeCloseTo(0.20993, 5)
    expect(result.band).toBe('Fair')
    expect(result.items).toBe(10)
    expect(result.ratingsPerItem).toBe(14)
  })

  it('returns null with a reason when every rating is the same, when there are no items or too few ratings', () => {
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toMatchObject({ kappa: null, reason: 'kappa undefined: every rating was the same verdict' })
    expect(fleissKappa([])).toMatchObject({
      kappa: null,
      reason: 'kappa undefined: no record has ratings from two or more reviewers',
    })
    expect(fleissKappa([[1, 0]])).toMatchObject({
      kappa: null,
      reason: 'kappa undefined: each record needs at least two ratings',
    })
    expect(
      fleissKappa([
        [2, 0],
        [1, 2],
      ]),
    ).toMatchObject({ kappa: null, reason: 'kappa undefined: records have different numbers of ratings' })
  })
})

describe('krippendorffAlphaNominal', () => {
  it("reproduces Krippendorff's published nominal example (4 observers, 12 units, missing data): α = 0.743", () => {
    // Krippendorff, "Computing Krippendorff's alpha-reliability" (2011), the nominal example. Rows are
    // units 1–12, values of observers A, B, C, D with missing ones left out:
    const units = [
      ['1', '1', '1'], //           A1 B1 D1 (C missing)
      ['2', '2', '3', '2'],
      ['3', '3', '3', '3'],
      ['3', '3', '3', '3'],
      ['2', '2', '2', '2'],
      ['1', '2', '3', '4'],
      ['4', '4', '4', '4'],
      ['1', '1', '2', '1'],
      ['2', '2', '2', '2'],
      ['5', '5', '5'], //           B C D
      ['1', '1'], //                C D
      ['3'], //                     B only: not pairable, left out
    ]
    // Pairable values n = 3 + 8·4 + 3 + 2 = 40.
    // Σ_c o_cc = Σ_units Σ_c m_c(m_c − 1)/(m − 1):
    //   u1 3·2/2 = 3; u2 3·2/3 = 2; u3 4·3/3 = 4; u4 4; u5 4; u6 0; u7 4; u8 3·2/3 = 2; u9 4; u10 3; u11 2·1/1 = 2
    //   → 32.
    // n_c: value 1: 3+1+3+2 = 9; 2: 3+4+1+1+4 = 13; 3: 1+4+4+1 = 10; 4: 1+4 = 5; 5: 3 (sum 40).
    // Σ n_c² = 81 + 169 + 100 + 25 + 9 = 384.
    // α = 1 − (n − 1)(n − Σ o_cc)/(n² − Σ n_c²) = 1 − 39·8/(1600 − 384) = 1 − 312/1216 = 0.743421.
    const result = krippendorffAlphaNominal(units)
    expect(result.alpha).toBeCloseTo(0.743421, 6)
    expect(result.units).toBe(11)
    expect(result.pairableValues).toBe(40)
    expect(result.reading).toBe('Tentative (0.667 ≤ α < 0.800)')
  })

  it('returns null with a reason when every rating is the same or no unit has two ratings', () => {
    expect(
      krippendorffAlphaNominal([
        ['include', 'include'],
        ['include', 'include', 'include'],
      ]),
    ).toMatchObject({
      alpha: null,
      reason: 'alpha undefined: every rating was the same verdict',
    })
    expect(krippendorffAlphaNominal([['include'], []])).toMatchObject({
      alpha: null,
      reason: 'alpha undefined: no record has ratings from two or more reviewers',
      units: 0,
    })
  })
})

describe('multiRaterAgreement', () => {
  it('computes Fleiss over the records with the commonest number of ratings and alpha over all shared records', () => {
    const votes = [
      vote(1, 1, 'include'),
      vote(1, 2, 'include'),
      vote(1, 3, 'include'), // I I I
      vote(2, 1, 'include'),
      vote(2, 2, 'maybe'),
      vote(2, 3, 'exclude'), //   I I E (maybe → include)
      vote(3, 1, 'exclude'),
      vote(3, 2, 'exclude'),
      vote(3, 3, 'exclude'), // E E E
      vote(4, 1, 'exclude'),
      vote(4, 2, 'exclude'),
      vote(4, 3, 'exclude'), // E E E
      vote(5, 1, 'maybe'),
      vote(5, 2, 'exclude'),
      vote(5, 3, 'exclude'), //   I E E
      vote(6, 1, 'include'),
      vote(6, 2, 'exclude'), //                         I E: two ratings, not in Fleiss
      vote(7, 3, 'include'), //                                                one rating: in neither
    ]
    // Fleiss, n = 3, records 1–5, counts [I, E]: [3,0] [2,1] [0,3] [0,3] [1,2].
    // P_i = (Σ n_ij² − 3)/6: 1, (4+1−3)/6 = 1/3, 1, 1, (1+4−3)/6 = 1/3 → P̄ = (11/3)/5 = 11/15 = 0.7333.
    // p_I = 6/15 = 0.4, p_E = 9/15 = 0.6 → P̄_e = 0.16 + 0.36 = 0.52.
    // κ = (11/15 − 0.52)/(1 − 0.52) = 0.21333/0.48 = 4/9 = 0.4444 → "moderate".
    //
    // Alpha, records 1–6: n = 5·3 + 2 = 17. Σ o_cc: 3 + 1 + 3 + 3 + 1 + 0 = 11.
    // n_I = 3+2+0+0+1+1 = 7, n_E = 0+1+3+3+2+1 = 10 → Σ n_c² = 49 + 100 = 149.
    // α = 1 − 16·(17 − 11)/(289 − 149) = 1 − 96/140 = 11/35 = 0.3143 → unreliable.
    const result = multiRaterAgreement(votes)
    expect(result?.reviewers).toBe(3)
    expect(result?.fleiss.kappa).toBeCloseTo(4 / 9, 10)
    expect(result?.fleiss.band).toBe('Moderate')
    expect(result?.fleiss.items).toBe(5)
    expect(result?.fleiss.ratingsPerItem).toBe(3)
    expect(result?.fleiss.recordsLeftOut).toBe(1)
    expect(result?.krippendorff.alpha).toBeCloseTo(11 / 35, 10)
    expect(result?.krippendorff.units).toBe(6)
    expect(result?.krippendorff.reading).toBe('Unreliable (α < 0.667)')
  })

  it('uses the larger number of ratings when two numbers are equally common', () => {
    const votes = [
      vote(1, 1, 'include'),
      vote(1, 2, 'exclude'),
      vote(2, 1, 'include'),
      vote(2, 2, 'include'),
      vote(2, 3, 'exclude'),
    ]
    const result = multiRaterAgreement(votes)
    expect(result?.fleiss.ratingsPerItem).toBe(3)
    expect(result?.fleiss.recordsLeftOut).toBe(1)
  })

  it('counts a pool of three reviewers sharing records two at a time as more than two reviewers', () => {
    const votes = [
      vote(1, 1, 'include'),
      vote(1, 2, 'include'),
      vote(2, 2, 'exclude'),
      vote(2, 3, 'exclude'),
      vote(3, 1, 'include'),
      vote(3, 3, 'exclude'),
    ]
    // Fleiss n = 2: counts [2,0] [0,2] [1,1]; P_i = 1, 1, 0 → P̄ = 2/3; p_I = p_E = 0.5 → P̄_e = 0.5.
    // κ = (2/3 − 1/2)/(1/2) = 1/3.
    expect(multiRaterAgreement(votes)?.fleiss.kappa).toBeCloseTo(1 / 3, 10)
  })

  it('returns null when only two reviewers share records, and null figures with reasons when all agree on one verdict', () => {
    expect(multiRaterAgreement([vote(1, 1, 'include'), vote(1, 2, 'exclude'), vote(2, 3, 'include')])).toBeNull()
    const unanimous = multiRaterAgreement([vote(1, 1, 'exclude'), vote(1, 2, 'exclude'), vote(1, 3, 'exclude')])
    expect(unanimous?.fleiss).toMatchObject({
      kappa: null,
      reason: 'kappa undefined: every rating was the same verdict',
    })
    expect(unanimous?.krippendorff).toMatchObject({
      alpha: null,
      reason: 'alpha undefined: every rating was the same verdict',
    })
  })
})
