import { describe, expect, it } from 'vitest'
import { summariseIdentification } from '../../../src/domain/identification.ts'

const perSource = [
  { sourceId: 1, name: 'MEDLINE', kind: 'database', records: 120 },
  { sourceId: 2, name: 'Embase', kind: 'database', records: 80 },
]

describe('identification counts', () => {
  it('subtracts duplicates from the records identified to give the records left to screen', () => {
    const summary = summariseIdentification({
      perSource,
      duplicateRecords: 35,
      confirmedPairs: 5,
      pendingPairs: 3,
      flaggedRecords: 1,
    })
    expect(summary).toEqual({
      identified: 200,
      duplicatesRemoved: 35,
      removedAutomatically: 30,
      removedByReviewer: 5,
      recordsAfterDeduplication: 165,
      pendingPairs: 3,
      flaggedRecords: 1,
    })
  })

  it('keeps the split between automatic and reviewer removals consistent with the total', () => {
    const summary = summariseIdentification({
      perSource,
      duplicateRecords: 2,
      confirmedPairs: 4,
      pendingPairs: 0,
      flaggedRecords: 0,
    })
    expect(summary.removedAutomatically + summary.removedByReviewer).toBe(summary.duplicatesRemoved)
    expect(summary.removedAutomatically).toBeGreaterThanOrEqual(0)
  })
})
