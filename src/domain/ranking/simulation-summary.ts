/**
 * A labelled review replayed from several seeds: the metrics of each run and their mean, and the mean
 * recall curve. What `weft rank simulate` prints.
 */
import { recordText, type LabelledRecord } from './labelled-dataset.ts'
import { recallCurve, screeningMetrics, type RecallPoint, type ScreeningMetrics } from './metrics.ts'
import { buildFeatures, DEFAULT_MODEL, type ModelOptions } from './model.ts'
import { simulateScreening } from './simulate.ts'

/** Where the recall curve is read: every 5% of the records. */
export const CURVE_SHARES: readonly number[] = Array.from({ length: 20 }, (_, i) => (i + 1) / 20)

export interface SeedResult extends ScreeningMetrics {
  seed: number
}

export interface SimulationSummary {
  records: number
  relevant: number
  seeds: SeedResult[]
  mean: ScreeningMetrics
  recallCurve: RecallPoint[]
}

/** Runs seeds 1..`seeds`. */
export function simulateReview(
  records: readonly LabelledRecord[],
  seeds: number,
  model: ModelOptions = DEFAULT_MODEL,
): SimulationSummary {
  const matrix = buildFeatures(records.map(recordText), model)
  const relevant = records.map((record) => record.included)
  const results: SeedResult[] = []
  const curves: RecallPoint[][] = []
  for (let seed = 1; seed <= seeds; seed++) {
    const run = simulateScreening(matrix, relevant, { seed, model })
    results.push({ seed, ...screeningMetrics(run.outcome) })
    curves.push(recallCurve(run.outcome, CURVE_SHARES))
  }
  const mean = (pick: (result: SeedResult) => number) =>
    results.reduce((sum, result) => sum + pick(result), 0) / results.length
  return {
    records: records.length,
    relevant: relevant.filter(Boolean).length,
    seeds: results,
    mean: {
      wss95: mean((r) => r.wss95),
      wss100: mean((r) => r.wss100),
      rrf10: mean((r) => r.rrf10),
      atd: mean((r) => r.atd),
    },
    recallCurve: CURVE_SHARES.map((screened, i) => ({
      screened,
      recall: curves.reduce((sum, curve) => sum + curve[i]!.recall, 0) / curves.length,
    })),
  }
}
