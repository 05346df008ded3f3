/**
 * Inter-rater agreement for one screening stage (METHOD.md §7): pure, votes in, figures out. Every
 * figure that cannot be computed for the data comes back as null with a reason the page can show;
 * no NaN or Infinity ever leaves this folder.
 */
import type { KappaBandScheme } from './kappa-bands.ts'
import { multiRaterAgreement, type MultiRaterAgreement } from './multi-rater.ts'
import { pairwiseAgreement, type PairAgreement } from './pairwise.ts'
import { MAYBE_RULE, type AgreementVote } from './votes.ts'

export { agreementFromTable, NO_SHARED_RECORDS, SAME_VERDICT_THROUGHOUT } from './cohen.ts'
export type { CohenKappa, TwoByTwo, TwoByTwoAgreement } from './cohen.ts'
export { fleissKappa, type FleissKappa } from './fleiss.ts'
export { kappaBand, type KappaBandScheme } from './kappa-bands.ts'
export { alphaReading, krippendorffAlphaNominal, type KrippendorffAlpha } from './krippendorff.ts'
export { multiRaterAgreement, type MultiRaterAgreement } from './multi-rater.ts'
export { pairwiseAgreement, type PairAgreement } from './pairwise.ts'
export { collapseMaybe, MAYBE_RULE, type AgreementVerdict, type AgreementVote, type CollapsedVerdict } from './votes.ts'

export interface StageAgreement {
  pairs: PairAgreement[]
  /** Null unless more than two reviewers share records. */
  multiRater: MultiRaterAgreement | null
  /** The maybe rule the figures follow, for the page to state. */
  maybeRule: string
}

/** One stage's votes (the latest per record and reviewer) → every agreement figure the page shows. */
export function stageAgreement(
  votes: readonly AgreementVote[],
  scheme: KappaBandScheme = 'landis-koch',
): StageAgreement {
  return {
    pairs: pairwiseAgreement(votes, scheme),
    multiRater: multiRaterAgreement(votes, scheme),
    maybeRule: MAYBE_RULE,
  }
}
