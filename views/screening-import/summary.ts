import type { DecisionImportSummary } from '../../src/domain/screening/decision-import.ts'

/** What an import of screening decisions did, in one sentence (the shell prints it, the browser flashes it). */
export function decisionImportSentence(summary: DecisionImportSummary): string {
  const parts = [
    `${summary.rowsRead} rows read`,
    `${summary.votesStored} votes stored`,
    summary.unchanged > 0 ? `${summary.unchanged} repeated a vote already stored` : '',
    summary.reportsRetrieved > 0 ? `${summary.reportsRetrieved} reports marked retrieved (no file attached)` : '',
    summary.reportsNotRetrieved > 0 ? `${summary.reportsNotRetrieved} reports marked not retrieved` : '',
  ]
  return `${parts.filter(Boolean).join(', ')}; afterwards ${summary.recordsDecided} records decided and ${summary.recordsInConflict} in conflict.`
}
