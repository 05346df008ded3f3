/**
 * Deduplication: which imported records describe the same report. Pure: records in, candidate pairs
 * and clusters out; the store decides what to write.
 */
export { findDuplicates, MAX_REVIEW_PAIRS_PER_RECORD, pairKey } from './find-duplicates.ts'
export type {
  CandidateDecision,
  CandidatePair,
  DedupOptions,
  DedupRecord,
  DedupResult,
  DuplicateCluster,
  EvidenceField,
  FieldEvidence,
} from './types.ts'
