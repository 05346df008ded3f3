/**
 * Screening decisions as a spreadsheet: the whole append-only history (every vote, withdrawal, resolution
 * and reopening), one row each in the order they happened, with a column saying which rows count now.
 * UTF-8 with a byte-order mark and CRLF (write-csv.ts), so Excel opens reviewers' names and notes intact.
 */
import { csvFile } from './write-csv.ts'

export interface DecisionHistoryRow {
  recordId: number
  recordTitle: string | null
  reviewerEmail: string | null
  reviewerName: string | null
  stage: string
  /** vote: a reviewer's vote (or its withdrawal); resolution / reopen: a resolver's or owner's action. */
  kind: 'vote' | 'resolution' | 'reopen'
  verdict: string | null
  reason: string | null
  note: string
  via: string
  at: Date
  /** The row that counts now for its (record, stage, reviewer) — or the latest resolution of its record. */
  current: boolean
}

export const DECISION_COLUMNS = [
  'record_id',
  'record_title',
  'reviewer_email',
  'reviewer_name',
  'stage',
  'kind',
  'verdict',
  'reason',
  'note',
  'via',
  'time_utc',
  'current',
] as const

export function decisionsCsv(rows: Iterable<DecisionHistoryRow>): string {
  return csvFile(
    DECISION_COLUMNS,
    Array.from(rows, (row) => [
      row.recordId,
      row.recordTitle,
      row.reviewerEmail,
      row.reviewerName,
      row.stage,
      row.kind,
      row.verdict,
      row.reason,
      row.note,
      row.via,
      row.at.toISOString(),
      row.current ? 'yes' : 'no',
    ]),
  )
}
