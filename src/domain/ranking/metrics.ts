/**
 * How much screening work a ranking saves (METHOD.md §11). Every metric reads one screening outcome: how
 * many records there were, how many were relevant, and after how many screened records each relevant
 * one turned up.
 */

export interface ScreeningOutcome {
  records: number
  relevant: number
  /** For each relevant record, in the order found: the number of records screened when it was found (1-based). */
  foundAfter: readonly number[]
}

/** The outcome of screening records in the given order (true: relevant). Records not listed were never relevant. */
export function screeningOutcome(
  relevantInOrder: readonly boolean[],
  records = relevantInOrder.length,
): ScreeningOutcome {
  const foundAfter: number[] = []
  relevantInOrder.forEach((relevant, index) => {
    if (relevant) foundAfter.push(index + 1)
  })
  return { records, relevant: foundAfter.length, foundAfter }
}

/** Records screened when `count` relevant records have been found. */
function screenedWhenFound(outcome: ScreeningOutcome, count: number): number {
  if (count <= 0) return 0
  const at = outcome.foundAfter[count - 1]
  if (at === undefined)
    throw new Error(`only ${outcome.foundAfter.length} of ${outcome.relevant} relevant records were found`)
  return at
}

/**
 * Work saved over sampling at recall r: (records not yet screened when recall r is first reached) / N − (1 − r).
 * Recall r is reached when ⌈r·R⌉ relevant records have been found.
 */
export function workSavedOverSampling(outcome: ScreeningOutcome, recall: number): number {
  const needed = Math.ceil(recall * outcome.relevant - 1e-9)
  return (outcome.records - screenedWhenFound(outcome, needed)) / outcome.records - (1 - recall)
}

/** Recall after the first `screened` records. */
export function recallAfter(outcome: ScreeningOutcome, screened: number): number {
  if (outcome.relevant === 0) return 1
  let found = 0
  while (found < outcome.foundAfter.length && outcome.foundAfter[found]! <= screened) found++
  return found / outcome.relevant
}

/** Relevant records found: the share of them found after screening the first ⌊share·N⌋ records (RRF@10: share 0.1). */
export function relevantRecordsFound(outcome: ScreeningOutcome, share: number): number {
  return recallAfter(outcome, Math.floor(share * outcome.records + 1e-9))
}

/** Average time to discovery: for each relevant record, the share of N screened before it; the mean. */
export function averageTimeToDiscovery(outcome: ScreeningOutcome): number {
  screenedWhenFound(outcome, outcome.relevant) // throws when some were never found
  const before = outcome.foundAfter.reduce((sum, at) => sum + (at - 1), 0)
  return before / outcome.relevant / outcome.records
}

export interface RecallPoint {
  /** Share of the records screened. */
  screened: number
  recall: number
}

/** Recall at each of the given shares of records screened. */
export function recallCurve(outcome: ScreeningOutcome, shares: readonly number[]): RecallPoint[] {
  return shares.map((share) => ({ screened: share, recall: relevantRecordsFound(outcome, share) }))
}

export interface ScreeningMetrics {
  wss95: number
  wss100: number
  rrf10: number
  atd: number
}

export function screeningMetrics(outcome: ScreeningOutcome): ScreeningMetrics {
  return {
    wss95: workSavedOverSampling(outcome, 0.95),
    wss100: workSavedOverSampling(outcome, 1),
    rrf10: relevantRecordsFound(outcome, 0.1),
    atd: averageTimeToDiscovery(outcome),
  }
}
