import { describe, expect, it } from 'vitest'
import {
  averageTimeToDiscovery,
  recallCurve,
  relevantRecordsFound,
  screeningOutcome,
  workSavedOverSampling,
} from '../../../src/domain/ranking/metrics.ts'

// Ten records screened in this order; the relevant ones come 1st, 3rd and 6th.
const TEN = screeningOutcome([true, false, true, false, false, true, false, false, false, false])

describe('screening metrics', () => {
  it('records after how many screened records each relevant one was found', () => {
    expect(TEN).toEqual({ records: 10, relevant: 3, foundAfter: [1, 3, 6] })
  })

  it('computes WSS@100 from the records left when the last relevant record is found', () => {
    // 6 screened, 4 of 10 left: 0.4 − (1 − 1).
    expect(workSavedOverSampling(TEN, 1)).toBeCloseTo(0.4, 12)
  })

  it('reaches recall 95% only with ⌈0.95·R⌉ relevant records found', () => {
    // With R = 3, 95% needs all 3: 0.4 − 0.05.
    expect(workSavedOverSampling(TEN, 0.95)).toBeCloseTo(0.35, 12)
    // With R = 20, 19 are enough: the 19th found after 30 of 100 records → 0.7 − 0.05.
    const twenty = { records: 100, relevant: 20, foundAfter: [...Array.from({ length: 18 }, (_, i) => i + 1), 30, 90] }
    expect(workSavedOverSampling(twenty, 0.95)).toBeCloseTo(0.65, 12)
    expect(workSavedOverSampling(twenty, 1)).toBeCloseTo(0.1, 12)
  })

  it('counts relevant records found within the first 10% of records for RRF@10', () => {
    expect(relevantRecordsFound(TEN, 0.1)).toBeCloseTo(1 / 3, 12)
    expect(relevantRecordsFound(TEN, 0.5)).toBeCloseTo(2 / 3, 12)
    // 10% of 25 records is 2.5: only the first 2 count.
    expect(relevantRecordsFound(screeningOutcome([false, false, true, ...Array<boolean>(22).fill(false)]), 0.1)).toBe(0)
  })

  it('averages the share of records screened before each relevant record for ATD', () => {
    // 0, 2 and 5 records before them: (0 + 2 + 5) / 3 / 10.
    expect(averageTimeToDiscovery(TEN)).toBeCloseTo(7 / 30, 12)
  })

  it('reads the recall curve at the given shares of records screened', () => {
    expect(recallCurve(TEN, [0.2, 0.5, 0.6, 1])).toEqual([
      { screened: 0.2, recall: 1 / 3 },
      { screened: 0.5, recall: 2 / 3 },
      { screened: 0.6, recall: 1 },
      { screened: 1, recall: 1 },
    ])
  })

  it('gives random order a WSS of about zero and perfect order the most', () => {
    // Relevant every 10th record in 1,000: 95% of 100 found after 950 records.
    const evenly = screeningOutcome(Array.from({ length: 1000 }, (_, i) => i % 10 === 9))
    expect(workSavedOverSampling(evenly, 0.95)).toBeCloseTo(0, 12)
    const perfect = screeningOutcome(Array.from({ length: 1000 }, (_, i) => i < 100))
    expect(workSavedOverSampling(perfect, 1)).toBeCloseTo(0.9, 12)
    expect(relevantRecordsFound(perfect, 0.1)).toBe(1)
  })

  it('refuses a work-saved figure when not every relevant record was found', () => {
    expect(() => workSavedOverSampling({ records: 10, relevant: 3, foundAfter: [1, 2] }, 1)).toThrow(/only 2 of 3/)
  })
})
