/** A pair deduplication was unsure of, as the reviewer compares it, and the queue's counts. */
import type { DuplicateCandidateStatus } from '../vocabulary.ts'
import type { DedupRecord, FieldEvidence } from './types.ts'

export type CitationRow = DedupRecord & { duplicateOf: number | null }

/** One record of a pair as the reviewer compares it, with where it came from. */
export type PairRecord = CitationRow & {
  sourceName: string
  batchId: number
  batchFileName: string
}

export interface CandidatePairView {
  id: number
  score: number
  reason: string
  evidence: FieldEvidence[]
  status: DuplicateCandidateStatus
  decidedAt: Date | null
  decidedByName: string | null
  a: PairRecord
  b: PairRecord
}

export type DuplicateCounts = Record<DuplicateCandidateStatus, number>
