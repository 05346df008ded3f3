/**
 * The identification stage in PRISMA's terms: records identified per source, duplicates removed
 * (automatically and by a reviewer), and the records left after deduplication.
 */
export interface IdentificationCounts {
  perSource: { sourceId: number; name: string; kind: string; records: number }[]
  /** Records linked to a primary record (duplicate_of), however they got there. */
  duplicateRecords: number
  /** Pairs a reviewer marked as duplicates: each joined two groups, so removed one more record. */
  confirmedPairs: number
  pendingPairs: number
  flaggedRecords: number
}

export interface IdentificationSummary {
  identified: number
  duplicatesRemoved: number
  removedAutomatically: number
  removedByReviewer: number
  /** Every search's records less the duplicates (other methods' included: they are not screened). */
  recordsAfterDeduplication: number
  pendingPairs: number
  flaggedRecords: number
}

export function summariseIdentification(counts: IdentificationCounts): IdentificationSummary {
  const identified = counts.perSource.reduce((sum, source) => sum + source.records, 0)
  const removedByReviewer = Math.min(counts.confirmedPairs, counts.duplicateRecords)
  return {
    identified,
    duplicatesRemoved: counts.duplicateRecords,
    removedAutomatically: counts.duplicateRecords - removedByReviewer,
    removedByReviewer,
    recordsAfterDeduplication: identified - counts.duplicateRecords,
    pendingPairs: counts.pendingPairs,
    flaggedRecords: counts.flaggedRecords,
  }
}
