/**
 * What the app calls. Build the features of a review's records once (they change only when records are
 * imported), then after each batch of decisions compute every record's relevance and the screening order.
 * Pure and synchronous: the caller decides where it runs (a worker, after the decision is saved).
 */
import type { FeatureMatrix } from './features.ts'
import type { TrainingExample } from './linear-model.ts'
import { buildFeatures, DEFAULT_MODEL, rankPlaces, retrainScores, type ModelOptions } from './model.ts'

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

export function rankingFeatures(
  records: readonly RankingRecord[],
  model: ModelOptions = DEFAULT_MODEL,
): RankingFeatures {
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
export function featuresFromMatrix(
  ids: readonly number[],
  matrix: FeatureMatrix,
  model: ModelOptions = DEFAULT_MODEL,
): RankingFeatures {
  return { ids, rowOf: new Map(ids.map((id, row) => [id, row])), matrix, model }
}

export interface RelevanceRanking {
  /** Every record id, most relevant first; equal scores keep import order. */
  order: number[]
  /** Relevance from 0 to 1 (see `relevanceByRow`). */
  relevance: ReadonlyMap<number, number>
}

/**
 * Trains on the decisions and gives every row its relevance from 0 to 1: the share of the other records
 * the model ranks below it (1 for the record it ranks first, 0 for the last). A place, not a probability:
 * the pair of classifiers agrees on an order, not on odds. Null until the decisions hold at least one
 * include and one exclude. Decisions about records outside the features are ignored; a later decision on
 * a record replaces an earlier one.
 */
export function relevanceByRow(features: RankingFeatures, decisions: readonly RankingDecision[]): Float64Array | null {
  const latest = new Map<number, boolean>()
  for (const decision of decisions)
    if (features.rowOf.has(decision.recordId)) latest.set(decision.recordId, decision.included)
  const examples: TrainingExample[] = [...latest].map(([recordId, included]) => ({
    row: features.rowOf.get(recordId)!,
    included,
  }))
  const includes = examples.filter((example) => example.included).length
  if (includes === 0 || includes === examples.length) return null
  const places = rankPlaces(retrainScores(features.matrix, examples, features.model))
  const last = Math.max(1, places.length - 1)
  return Float64Array.from(places, (place) => 1 - place / last)
}

/** Trains on the decisions (as `relevanceByRow`) and ranks every record; null until it can learn. */
export function rankByRelevance(
  features: RankingFeatures,
  decisions: readonly RankingDecision[],
): RelevanceRanking | null {
  const relevance = relevanceByRow(features, decisions)
  if (!relevance) return null
  const rows = Array.from(features.ids, (_, row) => row).sort((a, b) => relevance[b]! - relevance[a]! || a - b)
  return {
    order: rows.map((row) => features.ids[row]!),
    relevance: new Map(features.ids.map((id, row) => [id, relevance[row]!])),
  }
}
