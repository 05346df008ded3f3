import { describe, expect, it } from 'vitest'
import { recordText } from '../../../src/domain/ranking/labelled-dataset.ts'
import { buildFeatures } from '../../../src/domain/ranking/model.ts'
import { simulateScreening } from '../../../src/domain/ranking/simulate.ts'
import { simulateReview } from '../../../src/domain/ranking/simulation-summary.ts'
import { linkWorkerRecords } from './labelled-set.ts'

const records = linkWorkerRecords()
const matrix = buildFeatures(records.map(recordText))
const relevant = records.map((record) => record.included)

describe('screening simulation', () => {
  it('repeats exactly for the same seed', () => {
    const first = simulateScreening(matrix, relevant, { seed: 7 })
    const second = simulateScreening(matrix, relevant, { seed: 7 })
    expect(second).toEqual(first)
  })

  it('starts from one relevant and one irrelevant record chosen by the seed', () => {
    const priors = [1, 2, 3, 4, 5].map((seed) => simulateScreening(matrix, relevant, { seed }).priors)
    for (const prior of priors) {
      expect(relevant[prior.included]).toBe(true)
      expect(relevant[prior.excluded]).toBe(false)
    }
    expect(new Set(priors.map((prior) => `${prior.included}/${prior.excluded}`)).size).toBeGreaterThan(1)
  })

  it('screens each record at most once and stops at the last relevant record', () => {
    const run = simulateScreening(matrix, relevant, { seed: 3 })
    expect(new Set([...run.order, run.priors.included, run.priors.excluded]).size).toBe(run.order.length + 2)
    expect(relevant[run.order.at(-1)!]).toBe(true)
    // The metrics leave the priors out: N − 2 records, R − 1 relevant.
    expect(run.outcome.records).toBe(records.length - 2)
    expect(run.outcome.relevant).toBe(21)
  })

  it('saves most of the work on the project-written review, over several seeds', () => {
    const summary = simulateReview(records, 3)
    expect(summary.seeds.map((seed) => seed.seed)).toEqual([1, 2, 3])
    // Random order saves nothing on average (WSS@95 ≈ 0); finding 20 of 21 relevant records within the
    // first 35% of 200 records by chance has a probability below 1e-7.
    expect(summary.mean.wss95).toBeGreaterThan(0.6)
    expect(summary.mean.rrf10).toBeGreaterThan(0.5)
    expect(summary.recallCurve.at(-1)).toEqual({ screened: 1, recall: 1 })
  })
})
