import { describe, expect, it } from 'vitest'
import {
  pairwiseAgreement,
  stageAgreement,
  type AgreementVote,
  type AgreementVerdict,
} from '../../../src/domain/agreement/index.ts'

const vote = (recordId: number, reviewerId: number, verdict: AgreementVerdict): AgreementVote => ({
  recordId,
  reviewerId,
  verdict,
})

describe('pairwiseAgreement', () => {
  it('builds the 2×2 table over shared records only, lower reviewer id in the rows, maybe counted as include', () => {
    const votes = [
      vote(1, 7, 'include'),
      vote(1, 3, 'include'), //  both include → a
      vote(2, 7, 'maybe'),
      vote(2, 3, 'include'), //    maybe → include, both include → a
      vote(3, 7, 'include'),
      vote(3, 3, 'exclude'), //  A (3) excludes, B (7) includes → c
      vote(4, 7, 'exclude'),
      vote(4, 3, 'exclude'), //  → d
      vote(5, 7, 'exclude'),
      vote(5, 3, 'maybe'), //    A (3) maybe → include, B (7) excludes → b
      vote(6, 7, 'exclude'),
      vote(6, 3, 'exclude'), //  → d
      vote(7, 7, 'include'), //                          only one reviewer: not shared, not counted
    ]
    // a=2 b=1 c=1 d=2, N=6. p_o = 4/6 = 0.6667. p_e = [(a+b)(a+c) + (c+d)(b+d)]/36 = (3·3 + 3·3)/36 = 0.5.
    // κ = (2/3 − 1/2)/(1/2) = 1/3 → "fair". SE = sqrt((2/3)(1/3)/(6·0.25)) = sqrt(4/27) = 0.3849.
    // PABAK = 2·(2/3) − 1 = 1/3. Two maybe votes were counted as include.
    const [pair, ...others] = pairwiseAgreement(votes)
    expect(others).toEqual([])
    expect(pair?.reviewerA).toBe(3)
    expect(pair?.reviewerB).toBe(7)
    expect(pair?.n).toBe(6)
    expect(pair?.table).toEqual({ a: 2, b: 1, c: 1, d: 2 })
    expect(pair?.maybeCountedAsInclude).toBe(2)
    expect(pair?.percentAgreement).toBeCloseTo(66.6667, 4)
    expect(pair?.kappa?.kappa).toBeCloseTo(1 / 3, 10)
    expect(pair?.kappa?.standardError).toBeCloseTo(Math.sqrt(4 / 27), 10)
    expect(pair?.kappa?.band).toBe('Fair')
    expect(pair?.pabak).toBeCloseTo(1 / 3, 10)
  })

  it('gives each pair of three reviewers its own figures, ordered by reviewer ids, and leaves out pairs that share nothing', () => {
    const votes = [
      vote(1, 1, 'include'),
      vote(1, 2, 'include'),
      vote(2, 1, 'exclude'),
      vote(2, 2, 'include'),
      vote(3, 2, 'exclude'),
      vote(3, 3, 'exclude'),
      vote(4, 4, 'exclude'), // reviewer 4 shares nothing
    ]
    const pairs = pairwiseAgreement(votes)
    expect(pairs.map((p) => [p.reviewerA, p.reviewerB, p.n, p.table])).toEqual([
      [1, 2, 2, { a: 1, b: 0, c: 1, d: 0 }],
      [2, 3, 1, { a: 0, b: 0, c: 0, d: 1 }],
    ])
    // 1–2: p_o = 1/2; p_e = [(1)(2) + (1)(0)]/4 = 0.5 → κ = 0. 2–3: one record both excluded → undefined.
    expect(pairs[0]?.kappa?.kappa).toBe(0)
    expect(pairs[1]?.kappa).toBeNull()
    expect(pairs[1]?.kappaUndefinedReason).toBe('kappa undefined: both reviewers gave every record the same verdict')
  })

  it('counts the later vote when a reviewer appears twice for a record', () => {
    const votes = [vote(1, 1, 'include'), vote(1, 2, 'include'), vote(1, 1, 'exclude')]
    expect(pairwiseAgreement(votes)[0]?.table).toEqual({ a: 0, b: 0, c: 1, d: 0 })
  })

  it('returns no pairs for no votes', () => {
    expect(pairwiseAgreement([])).toEqual([])
  })
})

describe('stageAgreement', () => {
  it('states the maybe rule and leaves the multi-rater figures out for two reviewers', () => {
    const result = stageAgreement([vote(1, 1, 'maybe'), vote(1, 2, 'include')])
    expect(result.maybeRule).toMatch(/Maybe is counted as include/)
    expect(result.multiRater).toBeNull()
    expect(result.pairs).toHaveLength(1)
  })

  it('never lets NaN or Infinity out, whatever the votes', () => {
    // A small deterministic generator: 300 random stages of up to 5 reviewers and 8 records.
    let seed = 12345
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % limit
    }
    const verdicts: AgreementVerdict[] = ['include', 'exclude', 'maybe']
    for (let round = 0; round < 300; round++) {
      const votes: AgreementVote[] = []
      const count = next(25)
      for (let i = 0; i < count; i++) votes.push(vote(next(8), next(5), verdicts[next(3)] ?? 'include'))
      assertFinite(stageAgreement(votes))
    }
  })
})

function assertFinite(value: unknown): void {
  if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true)
  else if (Array.isArray(value)) value.forEach(assertFinite)
  else if (value !== null && typeof value === 'object') Object.values(value).forEach(assertFinite)
}
