/**
 * Blind screening, in one place: may this member see another reviewer's vote on a record now?
 *
 * A reviewer's vote is theirs alone while the record is undecided, so that the second reviewer judges
 * independently. It becomes visible to every member once the record is decided (included or excluded).
 * While the record waits for a resolver (a conflict, or reopened by an owner), the people who settle it
 * (owners and the named third reviewer, as the protocol says) and the members who only read (viewers,
 * who cast no vote to be swayed) see its votes; the reviewers themselves do not, because "in conflict"
 * would tell each what the other voted. Every page, count, filter, fragment and export that shows votes
 * asks this module: JavaScript readers call `maySeeVote` / `visibleOutcome`, SQL readers filter on
 * `outcomesWithVisibleVotes`, so both apply the same rule.
 */
import type { PrismaFacts, ReportFacts } from '../prisma/facts.ts'
import type { MemberRole, ScreeningOutcome } from '../vocabulary.ts'
import { isResolver } from './rules.ts'

/** Who is looking, as far as blinding cares. */
export interface VoteViewer {
  /** The member's user id; null for the server's operator at the shell, who sees everything. */
  id: number | null
  /** The review screens blind. */
  blind: boolean
  /** Owners, the third reviewer and viewers: they see the votes of records waiting for a resolver. */
  seesConflicts: boolean
}

const DECIDED: readonly ScreeningOutcome[] = ['included', 'excluded']
const WAITING_FOR_RESOLVER: readonly ScreeningOutcome[] = ['conflict', 'reopened']
const ALL: readonly ScreeningOutcome[] = ['pending', ...WAITING_FOR_RESOLVER, ...DECIDED]

/** The blinding view of a member of a review. */
export function voteViewer(
  review: { blindScreening: boolean; thirdReviewerId: number | null },
  userId: number,
  role: MemberRole,
): VoteViewer {
  return {
    id: userId,
    blind: review.blindScreening,
    seesConflicts: role === 'viewer' || isResolver(review, userId, role),
  }
}

/** The shell (`weft export`): the server's operator, not a screener, sees every vote. */
export const OPERATOR: VoteViewer = { id: null, blind: false, seesConflicts: true }

/** The outcomes of records whose other reviewers' votes this member may see. */
export function outcomesWithVisibleVotes(viewer: VoteViewer): readonly ScreeningOutcome[] {
  if (!viewer.blind) return ALL
  return viewer.seesConflicts ? [...WAITING_FOR_RESOLVER, ...DECIDED] : DECIDED
}

/** May `viewer` see the vote `voterId` cast on a record that now stands at `outcome`? */
export function maySeeVote(viewer: VoteViewer, voterId: number, outcome: ScreeningOutcome): boolean {
  return voterId === viewer.id || outcomesWithVisibleVotes(viewer).includes(outcome)
}

/** Whether a conflict may be shown as such (and counted) to this member. */
export function maySeeConflicts(viewer: VoteViewer): boolean {
  return outcomesWithVisibleVotes(viewer).includes('conflict')
}

/** Where a record stands as this member is told: a conflict they may not see reads as still waiting. */
export function visibleOutcome(viewer: VoteViewer, outcome: ScreeningOutcome): ScreeningOutcome {
  return WAITING_FOR_RESOLVER.includes(outcome) && !maySeeConflicts(viewer) ? 'pending' : outcome
}

/** Audit actions that carry a reviewer's vote. */
export const VOTE_EVENT_ACTIONS: readonly string[] = [
  'screening.voted',
  'screening.vote_changed',
  'screening.vote_withdrawn',
]

interface VoteEvent {
  actorId: number | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/**
 * A vote's audit event as this member may read it, given where its record stands now: another
 * reviewer's hidden vote keeps only its stage; the member's own event keeps its verdict but shows a
 * conflict they may not see as still waiting.
 */
export function voteEventAsSeen<E extends VoteEvent>(event: E, viewer: VoteViewer, outcome: ScreeningOutcome): E {
  if (outcomesWithVisibleVotes(viewer).includes(outcome)) return event
  if (event.actorId === null || !maySeeVote(viewer, event.actorId, outcome)) {
    const stage = event.after?.stage ?? event.before?.stage
    return { ...event, before: null, after: { stage, vote: 'hidden until the record is decided (blind screening)' } }
  }
  const shown = (values: Record<string, unknown> | null) =>
    values && typeof values.outcome === 'string'
      ? { ...values, outcome: visibleOutcome(viewer, values.outcome as ScreeningOutcome) }
      : values
  return { ...event, before: shown(event.before), after: shown(event.after) }
}

/**
 * The PRISMA facts as this member may read them: to someone who may not see conflicts, a record in
 * conflict is one more still waiting, so a count rising after their vote cannot tell them the other one.
 */
export function prismaFactsSeenBy(facts: PrismaFacts, viewer: VoteViewer): PrismaFacts {
  if (maySeeConflicts(viewer)) return facts
  const ta = facts.titleAbstract
  const reports = (column: ReportFacts): ReportFacts => ({
    ...column,
    awaitingDecision: column.awaitingDecision + column.inConflict,
    inConflict: 0,
  })
  return {
    ...facts,
    titleAbstract: { ...ta, awaitingSecondReviewer: ta.awaitingSecondReviewer + ta.inConflict, inConflict: 0 },
    databaseReports: reports(facts.databaseReports),
    otherMethods: { ...facts.otherMethods, reports: reports(facts.otherMethods.reports) },
  }
}
