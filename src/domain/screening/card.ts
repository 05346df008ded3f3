/**
 * What the screening pages show: a record's card at one stage, the progress bars and the list's rows.
 * The store fills them; the views render them.
 */
import type { CitationSummary } from '../citation.ts'
import type { BibliographicRecord } from '../formats/bibliographic-record.ts'
import type { ScreeningOutcome, ScreeningStage, ScreeningVerdict } from '../vocabulary.ts'
import type { StageOutcome } from './rules.ts'

export interface CardVote {
  reviewerId: number
  reviewerName: string
  verdict: ScreeningVerdict
  reason: string | null
  note: string
}

export interface ScreeningCard {
  record: CitationSummary &
    Pick<BibliographicRecord, 'abstract' | 'keywords' | 'doi' | 'pmid'> & {
      id: number
      /** The name of the search it came from. */
      source: string
    }
  stage: ScreeningStage
  outcome: StageOutcome
  myVote: (CardVote & { reasonId: number | null }) | null
  /** Null while blinding hides them; otherwise the other reviewers' votes. */
  otherVotes: CardVote[] | null
  /** How many other reviewers have voted, shown even when blind (without their verdicts). */
  otherVoteCount: number
  resolution: { verdict: string | null; kind: string; note: string; reason: string | null } | null
  inPilot: boolean
  hasFullText: boolean
}

export interface ScreeningProgress {
  /** Records (title/abstract) or retrieved reports (full text) in the stage. */
  total: number
  /** Records the viewer has voted on. */
  mine: number
  /** Records with a final verdict, by agreement or by a resolver. */
  decided: number
  conflicts: number
}

export interface ScreeningListRow extends Pick<CitationSummary, 'title' | 'year' | 'authors'> {
  id: number
  source: string
  myVerdict: ScreeningVerdict | null
  outcome: ScreeningOutcome
  votes: number
}
