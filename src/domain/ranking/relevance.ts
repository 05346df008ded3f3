/**
 * What the app calls. Build the features of a review's records once (they change only when records are
 * imported), then after each batch of decisions compute every record's relevance and the screening order.
 * Pure and synchronous: the caller decides where it runs (a worker, after the decision is saved).
 */
import type { FeatureMatrix } from './features.ts'
import { linearScores, type TrainingExample } from './linear-model.ts'
import { buildFeatures, DEFAULT_MODEL, trainModel, type ModelOptions } from './model.ts'

export interface RankingRecord {
  id: number
  title: string | null
  abstract: string | null
  keywords?: readonly string[] | null
}

/** A title/abstract decision the model may learn from (a resolved decision, or the reviewer's own vote). */
export interface RankingDecision {
  recordId: number
  included: boolean
}

export interface RankingFeatures {
  ids: readonly number[]
  rowOf: ReadonlyMap<number, number>
  matrix: FeatureMatrix
  model: ModelOptions
}

export function rankingFeatures(records: readonly RankingRecord[], model: ModelOptions = DEFAULT_MODEL): RankingFeatures {
  return featuresFromMatrix(
    records.map((record) => record.id),
    buildFeatures(records.map(rankingText), model),
    model,
  )
}

/** What the model reads of a record. */
export function rankingText(record: RankingRecord): string {
  return `${record.title ?? ''} ${record.abstract ?? ''} ${(record.keywords ?? []).join(' ')}`
}

/** Features from a matrix built elsewhere (a `FeatureMatrixBuilder` fed `rankingText` of the records, in `ids` order). */
export function featuresFromMatrix(ids: readonly number[], matrix: FeatureMatrix, model: ModelOptions = DEFAULT_MODEL): RankingFeatures {
  return { ids, rowOf: new Map(ids.map((id, row) => [id, row])), matrix, model }
}

export interface RelevanceRanking {
  /** Every record id, most relevant first; equal scores keep import order. */
  order: number[]
  /**
   * Relevance from 0 to 1 (the model's probability of inclusion: for display, not calibrated, and often
   * rounded to 0 or 1 at the ends, so order by `order`, not by this).
   */
  relevance: ReadonlyMap<number, number>
}

/**
 * Trains on the decisions and returns every row's log-odds of relevance (higher: more likely relevant).
 * Null until the decisions hold at least one include and one exclude. Decisions about records outside the
 * features are ignored; a later decision on a record replaces an earlier one.
 */
export function relevanceLogOdds(features: RankingFeatures, decisions: readonly RankingDecision[]): Float64Array | null {
  const latest = new Map<number, boolean>()
  for (const decision of decisions) if (features.rowOf.has(decision.recordId)) latest.set(decision.recordId, decision.included)
  const examples: TrainingExample[] = [...latest].map(([recordId, included]) => ({ row: features.rowOf.get(recordId)!, included }))
  const includes = examples.filter((example) => example.included).length
  if (includes === 0 || includes === examples.length) return null
  return linearScores(features.matrix, trainModel(features.matrix, examples, features.model))
}

/** The model's probability of inclusion from its log-odds: for display (see `RelevanceRanking.relevance`). */
export function relevanceFromLogOdds(logOdds: number): number {
  return 1 / (1 + Math.exp(-logOdds))
}

/** Trains on the decisions (as `relevanceLogOdds`) and ranks every record; null until it can learn. */
export function rankByRelevance(features: RankingFeatures, decisions: readonly RankingDecision[]): RelevanceRanking | null {
  const logOdds = relevanceLogOdds(features, decisions)
  if (!logOdds) return null
  const rows = Array.from(features.ids, (_, row) => row).sort((a, b) => logOdds[b]! - logOdds[a]! || a - b)
  return {
    order: rows.map((row) => features.ids[row]!),
    relevance: new Map(features.ids.map((id, row) => [id, relevanceFromLogOdds(logOdds[row]!)])),
  }
}
