/**
 * The screening rules: where a record stands at a stage given its current votes and the latest
 * resolution, and who may still vote on it. Who may see whose votes is blinding.ts's.
 * Pure functions; the store applies them inside the transaction that changes a vote.
 */
import type { MemberRole, ScreeningOutcome, ScreeningVerdict } from '../vocabulary.ts'

export interface CurrentVote {
  reviewerId: number
  verdict: ScreeningVerdict
  /** Full text: why the reviewer excluded the report. */
  reasonId: number | null
  at: Date
}

export interface LatestResolution {
  kind: 'resolve' | 'reopen'
  verdict: 'include' | 'exclude' | null
  reasonId: number | null
  /** A reviewer has voted (or withdrawn a vote) on the record since this was written. */
  votesChangedSince: boolean
}

export interface ScreeningRules {
  reviewersPerRecord: number
  /** A Maybe among the votes makes a conflict; otherwise a Maybe counts as a vote to include. */
  maybeIsConflict: boolean
}

export interface StageOutcome {
  outcome: ScreeningOutcome
  /** The primary exclusion reason of an excluded report (full text). */
  reasonId: number | null
  /** Decided by a resolver rather than by agreeing votes. */
  resolved: boolean
}

/**
 * Where a record stands. A resolver's verdict is final until an owner reopens the record; after a
 * reopen the record waits (`reopened`) until a reviewer changes a vote or a resolver decides again.
 */
export function stageOutcome(
  votes: readonly CurrentVote[],
  resolution: LatestResolution | null,
  rules: ScreeningRules,
): StageOutcome {
  if (resolution?.kind === 'resolve' && resolution.verdict) {
    const included = resolution.verdict === 'include'
    return {
      outcome: included ? 'included' : 'excluded',
      reasonId: included ? null : resolution.reasonId,
      resolved: true,
    }
  }
  if (resolution?.kind === 'reopen' && !resolution.votesChangedSince) {
    return { outcome: 'reopened', reasonId: null, resolved: false }
  }
  return outcomeFromVotes(votes, rules)
}

function outcomeFromVotes(votes: readonly CurrentVote[], rules: ScreeningRules): StageOutcome {
  const open = (outcome: ScreeningOutcome): StageOutcome => ({ outcome, reasonId: null, resolved: false })
  if (votes.length === 0) return open('pending')
  const effective = new Set(votes.map((vote) => effectiveVerdict(vote.verdict, rules)))
  if (effective.size > 1) return open('conflict')
  if (votes.length < rules.reviewersPerRecord) return open('pending')
  if (effective.has('maybe')) return open('conflict')
  if (effective.has('include')) return open('included')
  const reasons = new Set(votes.map((vote) => vote.reasonId))
  // PRISMA counts one reason per excluded report: reviewers who exclude for different reasons disagree.
  if (reasons.size > 1) return open('conflict')
  return { outcome: 'excluded', reasonId: votes[0]?.reasonId ?? null, resolved: false }
}

function effectiveVerdict(verdict: ScreeningVerdict, rules: ScreeningRules): ScreeningVerdict {
  return verdict === 'maybe' && !rules.maybeIsConflict ? 'include' : verdict
}

export interface VoteContext {
  reviewerId: number
  outcome: StageOutcome
  votes: readonly CurrentVote[]
  rules: ScreeningRules
  /** Pilot records are screened by everyone, however many votes they already have. */
  openToEveryone: boolean
}

/** Null when the reviewer may cast or change a vote on the record; otherwise why not, in plain words. */
export function voteRefusal(context: VoteContext): string | null {
  const { outcome, votes, reviewerId } = context
  if (outcome.resolved) return 'This record has been resolved; an owner can reopen it if the verdict should change.'
  const hasVoted = votes.some((vote) => vote.reviewerId === reviewerId)
  if (hasVoted || context.openToEveryone) return null
  if (outcome.outcome === 'conflict' || outcome.outcome === 'reopened') {
    return 'This record is waiting for a resolver: the reviewers who screened it disagree.'
  }
  if (votes.length >= context.rules.reviewersPerRecord) {
    return `This record already has the ${context.rules.reviewersPerRecord === 1 ? 'vote' : 'votes'} it needs.`
  }
  return null
}

/** A verdict that moves the record on: included records become reports sought for retrieval. */
export function isDecided(outcome: ScreeningOutcome): boolean {
  return outcome === 'included' || outcome === 'excluded'
}

/** Whether someone settles conflicts: an owner, or the reviewer the owners named as third reviewer. */
export function isResolver(review: { thirdReviewerId: number | null }, userId: number, role: MemberRole): boolean {
  return role === 'owner' || review.thirdReviewerId === userId
}
