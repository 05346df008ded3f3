/**
 * The votes agreement is computed from: the latest vote of each reviewer on each record, for one stage.
 *
 * The maybe rule: for every statistic in this folder (percentage agreement, Cohen's kappa, PABAK, the
 * 2×2 table, Fleiss' kappa, Krippendorff's alpha) a "maybe" counts as "include". Title/abstract
 * screening sends a maybe forward to full text just as it sends an include, so the question all the
 * figures answer is the same: did the reviewers agree on whether the record goes forward? (METHOD.md
 * §7.2 allows this collapse if the rule is stated; the page should state it, e.g. "Maybe counted as
 * include".)
 */
import type { ScreeningVerdict } from '../vocabulary.ts'

export type AgreementVerdict = ScreeningVerdict

export interface AgreementVote {
  recordId: number
  reviewerId: number
  verdict: AgreementVerdict
}

/** The two categories the statistics use, after the maybe rule. */
export type CollapsedVerdict = 'include' | 'exclude'

export const MAYBE_RULE = 'Maybe is counted as include: it sends a record forward as an include does.'

export function collapseMaybe(verdict: AgreementVerdict): CollapsedVerdict {
  return verdict === 'exclude' ? 'exclude' : 'include'
}

/** Each record's votes by reviewer. Were a reviewer to appear twice for a record, the later vote wins. */
export function votesByRecord(votes: readonly AgreementVote[]): Map<number, Map<number, AgreementVerdict>> {
  const records = new Map<number, Map<number, AgreementVerdict>>()
  for (const vote of votes) {
    let reviewers = records.get(vote.recordId)
    if (reviewers === undefined) {
      reviewers = new Map()
      records.set(vote.recordId, reviewers)
    }
    reviewers.set(vote.reviewerId, vote.verdict)
  }
  return records
}
