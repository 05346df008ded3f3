/**
 * The formats layer's front door: bytes of an uploaded reference file → normalised records and a
 * report of what was wrong and where. Pure (no I/O) and total: it never throws, whatever the bytes.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import type { ColumnMapping } from './column-mapping.ts'
import { decodeBytes, type TextEncodingName } from './decode.ts'
import { detectFormat, type FormatName } from './detect.ts'
import { limitIssues } from './limit-issues.ts'
import { parseText } from './parse-text.ts'
import { isSpreadsheet, parseSpreadsheet } from './spreadsheet-records.ts'

export type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
export type { ColumnMapping, MappedField } from './column-mapping.ts'
export { MAPPED_FIELDS } from './column-mapping.ts'
export { FORMAT_NAMES, isFormatName, detectFormat, type FormatName } from './detect.ts'
export { decodeBytes, type TextEncodingName } from './decode.ts'
export { parseReferenceStream, type StreamOptions, type StreamSummary } from './stream.ts'

export interface ParseOptions {
  /** The user's choice, overriding detection (for files detection gets wrong). */
  format?: FormatName | undefined
  /** Header → field, for CSV/TSV exports whose headers are not recognised. */
  columnMapping?: ColumnMapping | undefined
}

export interface ParseResult {
  /** 'unknown' when the format could not be recognised; the reason is the first issue. */
  format: FormatName | 'unknown'
  encoding: TextEncodingName
  records: BibliographicRecord[]
  issues: ParseIssue[]
  /** CSV/TSV whose columns need the user's mapping: no records until parsed again with columnMapping. */
  needsMapping?: { headers: string[] }
}

export function parseReferences(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  let encoding: TextEncodingName = 'utf-8'
  try {
    if (isSpreadsheet(bytes, options.format)) return spreadsheetResult(parseSpreadsheet(bytes, options.columnMapping))
    const decoded = decodeBytes(bytes)
    encoding = decoded.encoding
    const detected = options.format === undefined ? detectFormat(decoded.text) : { format: options.format }
    if (detected.format === null) {
      return {
        format: 'unknown',
        encoding,
        records: [],
        issues: [{ line: 1, message: 'reason' in detected ? detected.reason : 'Unknown format' }],
      }
    }
    const output = parseText(decoded.text, detected.format, options.columnMapping)
    const result: ParseResult = {
      format: detected.format,
      encoding,
      records: output.records,
      issues: limitIssues(output.issues),
    }
    if (output.needsMapping !== undefined) result.needsMapping = output.needsMapping
    return result
  } catch (error) {
    // Defence in depth: a parser bug becomes a report, never a failed upload with a stack trace.
    return {
      format: options.format ?? 'unknown',
      encoding,
      records: [],
      issues: [{ line: 1, message: `The file could not be read: ${String(error)}` }],
    }
  }
}

function spreadsheetResult(parsed: ReturnType<typeof parseSpreadsheet>): ParseResult {
  const result: ParseResult = {
    format: parsed.format ?? 'unknown',
    encoding: 'utf-8',
    records: parsed.records,
    issues: limitIssues(parsed.issues),
  }
  if (parsed.needsMapping !== undefined) result.needsMapping = parsed.needsMapping
  return result
}
