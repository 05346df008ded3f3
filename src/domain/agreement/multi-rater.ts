/**
 * Agreement across all reviewers of a stage when more than two of them share records (METHOD.md §7.3).
 * Maybe counts as include (see votes.ts).
 */
import { fleissKappa, type FleissKappa } from './fleiss.ts'
import type { KappaBandScheme } from './kappa-bands.ts'
import { krippendorffAlphaNominal, type KrippendorffAlpha } from './krippendorff.ts'
import { collapseMaybe, votesByRecord, type AgreementVerdict, type AgreementVote } from './votes.ts'

export interface MultiRaterAgreement {
  /** Reviewers who share at least one record with another reviewer. */
  reviewers: number
  /**
   * Over the records with the most common number of ratings (ties: the larger number), since Fleiss
   * needs the same n for every record; `recordsLeftOut` says how many shared records that leaves out.
   */
  fleiss: FleissKappa & { recordsLeftOut: number }
  /** Over every record with two or more ratings. */
  krippendorff: KrippendorffAlpha
}

/** Null when no more than two reviewers share records: the one pair's Cohen's kappa then says it all. */
export function multiRaterAgreement(
  votes: readonly AgreementVote[],
  scheme: KappaBandScheme = 'landis-koch',
): MultiRaterAgreement | null {
  const shared = [...votesByRecord(votes).values()].filter((reviewers) => reviewers.size >= 2)
  const reviewers = new Set(shared.flatMap((ballots) => [...ballots.keys()]))
  if (reviewers.size <= 2) return null

  const ratingsPerRecord = commonestSize(shared.map((ballots) => ballots.size))
  const sameSize = shared.filter((ballots) => ballots.size === ratingsPerRecord)
  const fleiss = fleissKappa(
    sameSize.map((ballots) => includeExcludeCounts(ballots.values())),
    scheme,
  )
  return {
    reviewers: reviewers.size,
    fleiss: { ...fleiss, recordsLeftOut: shared.length - sameSize.length },
    krippendorff: krippendorffAlphaNominal(shared.map((ballots) => [...ballots.values()].map(collapseMaybe))),
  }
}

function includeExcludeCounts(verdicts: Iterable<AgreementVerdict>): [number, number] {
  const counts: [number, number] = [0, 0]
  for (const verdict of verdicts) counts[collapseMaybe(verdict) === 'include' ? 0 : 1]++
  return counts
}

function commonestSize(sizes: readonly number[]): number {
  const frequency = new Map<number, number>()
  for (const size of sizes) frequency.set(size, (frequency.get(size) ?? 0) + 1)
  let best = 0
  let bestCount = 0
  for (const [size, count] of frequency) {
    if (count > bestCount || (count === bestCount && size > best)) {
      best = size
      bestCount = count
    }
  }
  return best
}
