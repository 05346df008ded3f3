/** What became of one imported file, as the import page and `weft import` report it. */
import type { BibliographicRecord, ParseIssue } from './formats/bibliographic-record.ts'
import type { FormatName } from './formats/detect.ts'

/** What the reviewer is told: the keys are those of `weft import --json`. */
export interface ImportSummary {
  format: FormatName
  read: number
  imported: number
  flagged: number
  errors: ParseIssue[]
  batch: number
}

/** `Batch` is the earlier import of the same file (db/schema's `ImportBatch`). */
export type ImportOutcome<Batch> =
  | { status: 'imported'; summary: ImportSummary }
  | { status: 'already_imported'; earlier: Batch }
  | { status: 'needs_mapping'; headers: string[] }
  | { status: 'unreadable'; format: FormatName | 'unknown'; errors: ParseIssue[] }

/** A record of the file that a person has to look at (no title…), named by its line, authors and year. */
export interface FlaggedRecord extends Pick<BibliographicRecord, 'line' | 'authors' | 'year'> {
  id: number
  flag: string
}

/**
 * How far an import has got, as its page shows it: reading the file (bytes of the file, records found so
 * far), then storing them in the review (records stored of those found).
 */
export type ImportProgress =
  | { phase: 'reading'; bytes: number; totalBytes: number; records: number }
  | { phase: 'storing'; stored: number; total: number }

/** Which of the upload's files an import step is about (a form may carry several). */
export interface UploadFileStep {
  fileName: string
  fileNumber: number
  files: number
}

/**
 * Where a browser upload of reference files stands, from its first byte to its summary: the page polls it
 * while the upload and the import run. `totalBytes` is null when the browser did not say the size.
 */
export type UploadState =
  | { phase: 'waiting' }
  | { phase: 'receiving'; bytes: number; totalBytes: number | null }
  | (UploadFileStep & ImportProgress)
  | { phase: 'done'; summary: string; location: string | null }
  | { phase: 'failed'; message: string }
