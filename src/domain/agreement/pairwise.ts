/**
 * Agreement of every pair of reviewers over the records both of them voted on (per stage: the caller
 * passes one stage's votes). Maybe counts as include (see votes.ts).
 */
import { agreementFromTable, type TwoByTwo, type TwoByTwoAgreement } from './cohen.ts'
import type { KappaBandScheme } from './kappa-bands.ts'
import { collapseMaybe, votesByRecord, type AgreementVote } from './votes.ts'

export interface PairAgreement extends TwoByTwoAgreement {
  /** The lower reviewer id: the rows of the 2×2 table. */
  reviewerA: number
  /** The higher reviewer id: the columns. */
  reviewerB: number
  /** Maybe votes (of either reviewer, on the shared records) that were counted as include. */
  maybeCountedAsInclude: number
}

/** Pairs that share no record are left out; pairs come ordered by reviewerA, then reviewerB. */
export function pairwiseAgreement(
  votes: readonly AgreementVote[],
  scheme: KappaBandScheme = 'landis-koch',
): PairAgreement[] {
  const pairs = new Map<string, { reviewerA: number; reviewerB: number; table: TwoByTwo; maybes: number }>()
  for (const reviewers of votesByRecord(votes).values()) {
    const ballots = [...reviewers].sort((x, y) => x[0] - y[0])
    for (const [i, [reviewerA, verdictA]] of ballots.entries()) {
      for (const [reviewerB, verdictB] of ballots.slice(i + 1)) {
        const key = `${reviewerA}:${reviewerB}`
        let pair = pairs.get(key)
        if (pair === undefined) {
          pair = { reviewerA, reviewerB, table: { a: 0, b: 0, c: 0, d: 0 }, maybes: 0 }
          pairs.set(key, pair)
        }
        pair.maybes += (verdictA === 'maybe' ? 1 : 0) + (verdictB === 'maybe' ? 1 : 0)
        tally(pair.table, collapseMaybe(verdictA) === 'include', collapseMaybe(verdictB) === 'include')
      }
    }
  }
  return [...pairs.values()]
    .sort((x, y) => x.reviewerA - y.reviewerA || x.reviewerB - y.reviewerB)
    .map(({ reviewerA, reviewerB, table, maybes }) => ({
      reviewerA,
      reviewerB,
      maybeCountedAsInclude: maybes,
      ...agreementFromTable(table, scheme),
    }))
}

function tally(table: TwoByTwo, aIncludes: boolean, bIncludes: boolean): void {
  if (aIncludes && bIncludes) table.a++
  else if (aIncludes) table.b++
  else if (bIncludes) table.c++
  else table.d++
}
