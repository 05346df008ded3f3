import type { BibliographicRecord } from '../formats/bibliographic-record.ts'

/**
 * What deduplication needs to know about a record: the citation fields it compares, plus the record's id
 * in the store and, for records from earlier imports, the primary it was already merged into.
 */
export type DedupRecord = Pick<
  BibliographicRecord,
  | 'title'
  | 'authors'
  | 'year'
  | 'journal'
  | 'volume'
  | 'issue'
  | 'pages'
  | 'doi'
  | 'pmid'
  | 'abstract'
  | 'publicationType'
> & {
  id: number
  /** Set when an earlier run (or a reviewer) already merged this record into another one. */
  duplicateOf?: number | null
}

/** The fields a reviewer sees side by side when judging a pair. */
export type EvidenceField =
  'doi' | 'pmid' | 'title' | 'authors' | 'year' | 'journal' | 'volume' | 'issue' | 'pages' | 'publicationType'

/**
 * One field compared across the two records: the values as written (for display, so differences can be
 * highlighted) and how alike they are once normalised, from 0 to 1; null when either record lacks the field.
 */
export interface FieldEvidence {
  field: EvidenceField
  a: string | null
  b: string | null
  similarity: number | null
}

/** 'auto': merge without asking. 'review': uncertain, queue the pair for a reviewer. */
export type CandidateDecision = 'auto' | 'review'

/** A pair of records that may describe the same report. `aId` is always the smaller id. */
export interface CandidatePair {
  aId: number
  bId: number
  /** Overall likeness, 0..1, for sorting the review queue; the decision comes from the rules, not this. */
  score: number
  decision: CandidateDecision
  /** Why the rules decided as they did, in a reviewer's words. */
  reason: string
  evidence: FieldEvidence[]
}

/** Records that are one report: the primary stays visible, the duplicates point at it (duplicate_of). */
export interface DuplicateCluster {
  primaryId: number
  duplicateIds: number[]
}

export interface DedupResult {
  /** Every pair proposed, automatic and for review, best score first. */
  candidates: CandidatePair[]
  /** Groups joined by automatic merges (and earlier merges they touch); singletons are left out. */
  clusters: DuplicateCluster[]
}

export interface DedupOptions {
  /**
   * Records of the import being deduplicated. When given, only pairs with at least one new record are
   * proposed, so earlier imports are not re-examined among themselves.
   */
  newIds?: ReadonlySet<number>
  /** Pairs a reviewer already decided (keys from `pairKey`): never proposed again. */
  decidedPairs?: ReadonlySet<string>
  /**
   * Pairs a reviewer judged "not duplicate" (ids): the two records never end up in one cluster, neither
   * directly nor through a third record.
   */
  keptApart?: readonly (readonly [number, number])[]
  /** Called now and then with the share of the comparison done, 0..1. */
  onProgress?: (share: number) => void
}
