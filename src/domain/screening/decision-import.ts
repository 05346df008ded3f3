/**
 * A screening-decisions CSV (issue 4 item 7), so a team can bring a review half-way from Rayyan or
 * Covidence: one row per vote, with columns
 *   record (Weft id, DOI or PMID; see record-identifier.ts; or a `doi` / `pmid` column instead),
 *   stage (title_abstract | full_text), reviewer (email), verdict (include | exclude | maybe | not_retrieved),
 *   reason, note.
 * Header names are case-insensitive and in any order; other columns are ignored, so a title column can
 * stay for the team's own reading. Values are case-insensitive and "title/abstract", "full text" and
 * "not retrieved" are read as their underscored forms.
 *
 * This checks the shape of every row and reports every problem with its line and column; the store
 * resolves records, reviewers and reasons against the database and fails the whole file on the first
 * row it cannot resolve. Rows are kept in file order, so where a reviewer has two rows for one record
 * and stage, the later one is their latest vote.
 */
import type { ParseIssue } from '../formats/bibliographic-record.ts'
import { decodeBytes, normaliseLineEndings } from '../formats/decode.ts'
import { guessDelimiter, readDelimitedRows, type DelimitedRow } from '../formats/delimited-rows.ts'
import { MAX_EXCLUSION_REASON_LENGTH } from '../exclusion-reasons.ts'
import { SCREENING_STAGES, SCREENING_VERDICTS, type ScreeningStage } from '../vocabulary.ts'
import { classifyRecordIdentifier, type RecordColumn, type RecordIdentifier } from './record-identifier.ts'

/** A vote as the screening pages take it, or `not_retrieved` for a report sought at full text and not found. */
export const IMPORT_VERDICTS = [...SCREENING_VERDICTS, 'not_retrieved'] as const
export type ImportVerdict = (typeof IMPORT_VERDICTS)[number]

export const MAX_DECISION_NOTE_LENGTH = 2000
/** Past this many, one more line says how many were left out: enough to see what is wrong. */
export const MAX_IMPORT_ERRORS = 100

export interface DecisionImportRow {
  /** 1-based line of the file where the row starts. */
  line: number
  record: RecordIdentifier
  stage: ScreeningStage
  /** Lower-cased, as accounts store emails. */
  reviewerEmail: string
  verdict: ImportVerdict
  /** Only with exclude at full text, where it is required. */
  reason: string | null
  note: string | null
}

export interface DecisionImportError {
  line: number
  /** The column the problem is in, as the header names it; null for problems of the whole row or file. */
  column: string | null
  /** A whole sentence naming line and column, ready to show. */
  message: string
}

export interface DecisionImport {
  rows: DecisionImportRow[]
  errors: DecisionImportError[]
}

const RECORD_COLUMNS: readonly RecordColumn[] = ['record', 'doi', 'pmid']
const KNOWN_COLUMNS = [...RECORD_COLUMNS, 'stage', 'reviewer', 'verdict', 'reason', 'note'] as const
type KnownColumn = (typeof KNOWN_COLUMNS)[number]
const REQUIRED_COLUMNS: readonly KnownColumn[] = ['stage', 'reviewer', 'verdict']
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Bytes as uploaded (UTF-8 with or without BOM, or what decodeBytes recognises) or text already decoded. */
export function parseDecisionCsv(input: Uint8Array | string): DecisionImport {
  const text = typeof input === 'string' ? normaliseLineEndings(input.replace(/^\uFEFF/, '')) : decodeBytes(input).text
  const issues: ParseIssue[] = []
  const rows = readDelimitedRows(text, guessDelimiter(text), issues).filter((row) =>
    row.cells.some((cell) => cell.trim() !== ''),
  )
  const errors: DecisionImportError[] = issues.map((issue) => ({
    line: issue.line,
    column: null,
    message: `Line ${issue.line}: ${issue.message}.`,
  }))
  const header = rows[0]
  if (header === undefined)
    return { rows: [], errors: [fileError(1, 'The file is empty; it needs a header row and one row per decision.')] }

  const columns = readHeader(header, errors)
  if (columns === null) return { rows: [], errors: limitErrors(errors) }
  if (rows.length === 1)
    errors.push(fileError(header.line, `Line ${header.line}: the file has a header but no decisions below it.`))

  const parsed: DecisionImportRow[] = []
  for (const row of rows.slice(1)) {
    const decision = readRow(row, columns, header.cells.length, errors)
    if (decision !== null) parsed.push(decision)
  }
  return { rows: parsed, errors: limitErrors(errors) }
}

/** Column positions by name; null (with errors) when the header lacks a required column or repeats one. */
function readHeader(header: DelimitedRow, errors: DecisionImportError[]): Map<KnownColumn, number> | null {
  const columns = new Map<KnownColumn, number>()
  const before = errors.length
  header.cells.forEach((cell, index) => {
    const name = cell.trim().toLowerCase()
    const known = KNOWN_COLUMNS.find((column) => column === name)
    if (known === undefined) return
    if (columns.has(known))
      errors.push(fileError(header.line, `Line ${header.line}: the header names the column “${known}” twice.`))
    else columns.set(known, index)
  })
  const expected = 'record, stage, reviewer, verdict, reason, note'
  if (!RECORD_COLUMNS.some((column) => columns.has(column))) {
    errors.push(
      fileError(
        header.line,
        `Line ${header.line}: the header has no “record” column (or “doi” or “pmid”); the columns are ${expected}.`,
      ),
    )
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column))
      errors.push(
        fileError(
          header.line,
          `Line ${header.line}: the header has no “${column}” column; the columns are ${expected}.`,
        ),
      )
  }
  return errors.length > before ? null : columns
}

function readRow(
  row: DelimitedRow,
  columns: ReadonlyMap<KnownColumn, number>,
  width: number,
  errors: DecisionImportError[],
): DecisionImportRow | null {
  const before = errors.length
  const fail = (column: string | null, problem: string) =>
    errors.push({
      line: row.line,
      column,
      message: column === null ? `Line ${row.line}: ${problem}.` : `Line ${row.line}, column “${column}”: ${problem}.`,
    })
  const value = (column: KnownColumn): string => {
    const index = columns.get(column)
    return index === undefined ? '' : (row.cells[index] ?? '').trim()
  }

  if (row.cells.slice(width).some((cell) => cell.trim() !== '')) {
    fail(
      null,
      `the row has ${row.cells.length} values but the header has ${width} columns; put double quotes around a value that contains a comma`,
    )
  }

  const recordColumn = RECORD_COLUMNS.find((column) => value(column) !== '')
  const record = recordColumn === undefined ? null : classifyRecordIdentifier(value(recordColumn), recordColumn)
  if (recordColumn === undefined)
    fail(RECORD_COLUMNS.find((column) => columns.has(column)) ?? 'record', 'the record is empty')
  else if (record !== null && !record.ok) fail(recordColumn, record.error)

  const stage = oneOf(value('stage'), SCREENING_STAGES)
  if (stage === null)
    fail(
      'stage',
      value('stage') === ''
        ? 'the stage is empty; write title_abstract or full_text'
        : `“${value('stage')}” is not a stage; write title_abstract or full_text`,
    )

  const reviewerEmail = value('reviewer').toLowerCase()
  if (reviewerEmail === '') fail('reviewer', 'the reviewer is empty; write their email address')
  else if (!EMAIL.test(reviewerEmail)) fail('reviewer', `“${value('reviewer')}” is not an email address`)

  const verdict = oneOf(value('verdict'), IMPORT_VERDICTS)
  const verdicts = 'write include, exclude, maybe or not_retrieved'
  if (verdict === null)
    fail(
      'verdict',
      value('verdict') === ''
        ? `the verdict is empty; ${verdicts}`
        : `“${value('verdict')}” is not a verdict; ${verdicts}`,
    )
  if (verdict === 'not_retrieved' && stage === 'title_abstract')
    fail(
      'verdict',
      'not_retrieved belongs to the full_text stage: only a report sought at full text can be not retrieved',
    )

  const reason = value('reason') === '' ? null : value('reason').replace(/\s+/g, ' ')
  if (reason !== null && reason.length > MAX_EXCLUSION_REASON_LENGTH)
    fail('reason', `the reason has ${reason.length} characters; a reason has at most ${MAX_EXCLUSION_REASON_LENGTH}`)
  if (reason !== null && verdict !== null && verdict !== 'exclude')
    fail('reason', `a reason goes with exclude only, and this row says ${verdict}`)
  if (reason !== null && verdict === 'exclude' && stage === 'title_abstract')
    fail('reason', 'exclusion reasons are recorded at full text only; put it in the note')
  if (reason === null && verdict === 'exclude' && stage === 'full_text')
    fail('reason', 'a full-text exclusion needs a reason from the review’s list')

  const note = value('note') === '' ? null : value('note')
  if (note !== null && note.length > MAX_DECISION_NOTE_LENGTH)
    fail('note', `the note has ${note.length} characters; a note has at most ${MAX_DECISION_NOTE_LENGTH}`)

  if (errors.length > before || record === null || !record.ok || stage === null || verdict === null) return null
  return { line: row.line, record: record.identifier, stage, reviewerEmail, verdict, reason, note }
}

/** "Title/Abstract", "full text", "Not-Retrieved" → their underscored forms; null when none fits. */
function oneOf<T extends string>(value: string, allowed: readonly T[]): T | null {
  const name = value
    .trim()
    .toLowerCase()
    .replace(/[\s\-/]+/g, '_')
  return allowed.find((candidate) => candidate === name) ?? null
}

function fileError(line: number, message: string): DecisionImportError {
  return { line, column: null, message }
}

function limitErrors(errors: DecisionImportError[]): DecisionImportError[] {
  if (errors.length <= MAX_IMPORT_ERRORS) return errors
  const kept = errors.slice(0, MAX_IMPORT_ERRORS)
  kept.push(fileError(kept[kept.length - 1]?.line ?? 1, `…and ${errors.length - MAX_IMPORT_ERRORS} more problems.`))
  return kept
}

export interface DecisionImportSummary {
  rowsRead: number
  /** Votes stored, changed ones included; a row repeating the reviewer's current vote stores nothing. */
  votesStored: number
  unchanged: number
  reportsNotRetrieved: number
  /** Reports a full-text vote showed were retrieved (the source tool had them; no file is attached). */
  reportsRetrieved: number
  /** Of the records (per stage) the file voted on: how many are decided, and in conflict, afterwards. */
  recordsDecided: number
  recordsInConflict: number
}
