/**
 * The background jobs the pool runs, each with what it takes and what it gives back. Inputs and outputs
 * cross a thread boundary, so they are plain data (typed arrays travel without copying).
 */
import type { RankingSnapshot } from '../ranking/retrain.ts'
import type { DedupReport } from '../store/duplicates.ts'
import type { ImportBatch } from '../../db/schema.ts'
import type { ImportOutcome, ImportProgress } from '../domain/import-outcome.ts'
import type { ImportRequest, ImportSource } from '../store/imports.ts'
import type { DedupCounted, DedupPhase } from './dedup-run.ts'

/** An uploaded file to import: the request as the store takes it, with the file's path instead of its bytes. */
export type FileImport = Omit<ImportRequest, 'sourceId' | 'chunks'> & { source: ImportSource; filePath: string }

export interface JobTypes {
  /** Remake one reviewer's ranking (building the review's features first if needed). */
  retrain: { input: { reviewId: number; reviewerId: number }; output: RankingSnapshot | null }
  /** Deduplicate the review's imports not yet compared. */
  dedup: { input: { reviewId: number; actorId: number | null }; output: DedupReport | null }
  /** Import one file: parsed off the write lock, then stored in one transaction. */
  import: { input: FileImport; output: ImportOutcome<ImportBatch> & { sourceName?: string } }
  /** Drop a review's features from the thread that holds them. */
  forget: { input: { reviewId: number }; output: null }
  /** What the thread holds in memory: how many reviews' features, and its heap (MB, after a GC when exposed). */
  held: { input: Record<string, never>; output: { featureSets: number; heapMb: number } }
}

export type JobKind = keyof JobTypes

/** What deduplication says while it runs. */
export interface DedupProgress {
  phase: DedupPhase
  percent: number
  /** Records read so far, while reading. */
  counted?: DedupCounted
}

/** What a long job says while it runs: deduplication's phases, or how far an import has got. */
export type JobProgress = DedupProgress | ImportProgress

export interface JobMessage<K extends JobKind = JobKind> {
  id: number
  kind: K
  input: JobTypes[K]['input']
}

export type JobReply =
  | { id: number; type: 'progress'; progress: JobProgress }
  | { id: number; type: 'done'; output: unknown }
  | { id: number; type: 'failed'; message: string }
