/**
 * Replays a labelled review as ASReview's simulation mode does: the reviewer starts knowing one random
 * relevant and one random irrelevant record, then always screens the top-ranked unscreened record, and
 * the model retrains after every decision. Deterministic for a seed. The replay stops once every relevant
 * record has been found: what follows cannot change any metric.
 *
 * The metrics leave out the two prior records (N − 2 records, R − 1 relevant), as ASReview's insights do.
 */
import type { FeatureMatrix } from './features.ts'
import { screeningOutcome, type ScreeningOutcome } from './metrics.ts'
import { DEFAULT_MODEL, retrainScores, type ModelOptions } from './model.ts'
import type { TrainingExample } from './linear-model.ts'
import { pickOne, seededRandom } from '../random.ts'

export interface SimulationOptions {
  seed: number
  model?: ModelOptions
}

export interface SimulationRun {
  seed: number
  /** Rows known from the start: one relevant, one irrelevant. */
  priors: { included: number; excluded: number }
  /** Rows in the order the simulated reviewer screened them after the priors, up to the last relevant one. */
  order: number[]
  outcome: ScreeningOutcome
}

export function simulateScreening(
  matrix: FeatureMatrix,
  relevant: readonly boolean[],
  options: SimulationOptions,
): SimulationRun {
  if (relevant.length !== matrix.rows) throw new Error('one label per record is needed')
  const relevantRows = relevant.flatMap((isRelevant, row) => (isRelevant ? [row] : []))
  const irrelevantRows = relevant.flatMap((isRelevant, row) => (isRelevant ? [] : [row]))
  if (relevantRows.length === 0 || irrelevantRows.length === 0)
    throw new Error('the review needs at least one relevant and one irrelevant record')
  const random = seededRandom(options.seed)
  const priors = { included: pickOne(relevantRows, random), excluded: pickOne(irrelevantRows, random) }
  const screened = new Uint8Array(matrix.rows)
  const examples: TrainingExample[] = [
    { row: priors.included, included: true },
    { row: priors.excluded, included: false },
  ]
  screened[priors.included] = 1
  screened[priors.excluded] = 1
  const order: number[] = []
  let stillToFind = relevantRows.length - 1
  while (stillToFind > 0) {
    const scores = retrainScores(matrix, examples, options.model ?? DEFAULT_MODEL)
    const next = topUnscreened(scores, screened)
    screened[next] = 1
    order.push(next)
    examples.push({ row: next, included: relevant[next]! })
    if (relevant[next]) stillToFind--
  }
  const outcome = screeningOutcome(
    order.map((row) => relevant[row]!),
    matrix.rows - 2,
  )
  return { seed: options.seed, priors, order, outcome }
}

/** The highest-scoring row not yet screened; ties go to the earlier row. */
function topUnscreened(scores: Float64Array, screened: Uint8Array): number {
  let best = -1
  let bestScore = -Infinity
  for (let row = 0; row < scores.length; row++) {
    if (screened[row] === 0 && (best === -1 || scores[row]! > bestScore)) {
      best = row
      bestScore = scores[row]!
    }
  }
  return best
}
