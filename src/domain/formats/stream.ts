/**
 * Chunked parsing for big files: a 100,000-record RIS export is ~280 MB, and holding its bytes, its
 * text and all its records at once would not fit the 500 MB budget. Line formats (RIS, MEDLINE, WoS,
 * EndNote tagged) are parsed as the chunks arrive and handed over in batches; the other formats are
 * small in practice and are parsed whole once the last chunk is in.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { ChunkDecoder } from './chunk-decoder.ts'
import type { ColumnMapping } from './column-mapping.ts'
import type { TextEncodingName } from './decode.ts'
import { detectFormat, type FormatName } from './detect.ts'
import { endnoteTaggedSyntax } from './endnote-tagged.ts'
import { limitIssues } from './limit-issues.ts'
import { LineSplitter } from './lines.ts'
import { medlineSyntax } from './medline.ts'
import { parseText } from './parse-text.ts'
import { risSyntax } from './ris.ts'
import { isSpreadsheet, parseSpreadsheet } from './spreadsheet-records.ts'
import { TaggedLineParser, type TaggedSyntax } from './tagged-lines.ts'
import { wosSyntax } from './wos.ts'

export interface StreamOptions {
  format?: FormatName | undefined
  columnMapping?: ColumnMapping | undefined
  /** The most records one onRecords call gets (default 2,000); line formats hand over smaller batches sooner. */
  batchSize?: number
  /**
   * Receives records in file order, synchronously, so the caller can write each batch inside one
   * database transaction (better-sqlite3 transactions cannot span an await).
   */
  onRecords(records: BibliographicRecord[]): void
}

export interface StreamSummary {
  format: FormatName | 'unknown'
  encoding: TextEncodingName
  recordCount: number
  issues: ParseIssue[]
  needsMapping?: { headers: string[] }
}

const LINE_SYNTAX: Partial<Record<FormatName, TaggedSyntax>> = {
  ris: risSyntax,
  medline: medlineSyntax,
  wos: wosSyntax,
  endnote_tagged: endnoteTaggedSyntax,
}
/** Enough text to recognise the format past any preamble. */
const DETECT_CHARS = 64 * 1024
/**
 * Bytes decoded at a time, after which the records they completed are handed over. Small pieces keep
 * each piece's text and records short-lived: V8 then frees them in its cheap young-generation sweeps,
 * where 1 MB pieces and 2,000-record batches lived long enough to be copied into the old generation
 * (at 100,000 records that copying and its full collections cost more than the parsing itself).
 */
const PIECE_BYTES = 64 * 1024

export function parseReferenceStream(chunks: Iterable<Uint8Array>, options: StreamOptions): StreamSummary {
  const { head, rest } = firstBytes(chunks, 4)
  const all = concat(head)
  if (isSpreadsheet(all, options.format)) return spreadsheetStream(concat(chain([all], rest)), options)
  return textStream(chain(head, rest), options)
}

/** The chunks that hold the file's first `count` bytes, and an iterator over the others. */
function firstBytes(chunks: Iterable<Uint8Array>, count: number): { head: Uint8Array[]; rest: Iterator<Uint8Array> } {
  const rest = chunks[Symbol.iterator]()
  const head: Uint8Array[] = []
  let length = 0
  while (length < count) {
    const next = rest.next()
    if (next.done === true) break
    head.push(next.value)
    length += next.value.length
  }
  return { head, rest }
}

function* chain(head: readonly Uint8Array[], rest: Iterator<Uint8Array>): Generator<Uint8Array> {
  yield* head
  for (let next = rest.next(); next.done !== true; next = rest.next()) yield next.value
}

function concat(parts: Iterable<Uint8Array>): Uint8Array {
  const list = [...parts]
  if (list.length === 1) return list[0]!
  const out = new Uint8Array(list.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of list) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** A spreadsheet is a ZIP package, read whole (its directory is at the end), then handed over in batches. */
function spreadsheetStream(bytes: Uint8Array, options: StreamOptions): StreamSummary {
  const parsed = parseSpreadsheet(bytes, options.columnMapping)
  const batchSize = options.batchSize ?? 2000
  for (let i = 0; i < parsed.records.length; i += batchSize) options.onRecords(parsed.records.slice(i, i + batchSize))
  const summary: StreamSummary = {
    format: parsed.format ?? 'unknown',
    encoding: 'utf-8',
    recordCount: parsed.records.length,
    issues: limitIssues(parsed.issues),
  }
  if (parsed.needsMapping !== undefined) summary.needsMapping = parsed.needsMapping
  return summary
}

function textStream(chunks: Iterable<Uint8Array>, options: StreamOptions): StreamSummary {
  const decoder = new ChunkDecoder()
  const issues: ParseIssue[] = []
  const batchSize = options.batchSize ?? 2000
  let batch: BibliographicRecord[] = []
  let recordCount = 0
  const flush = (): void => {
    if (batch.length === 0) return
    const out = batch
    batch = []
    recordCount += out.length
    try {
      if (out.length <= batchSize) options.onRecords(out)
      else for (let at = 0; at < out.length; at += batchSize) options.onRecords(out.slice(at, at + batchSize))
    } catch (error) {
      throw new ReceiverFailed(error)
    }
  }

  let format: FormatName | null = options.format ?? null
  let pending: string[] = []
  let pendingLength = 0
  let splitter: LineSplitter | null = null
  let tagged: TaggedLineParser | null = null
  const startLines = (syntax: TaggedSyntax): void => {
    tagged = new TaggedLineParser(syntax, (record) => batch.push(record), issues)
    const parser = tagged
    splitter = new LineSplitter((line, number) => parser.line(line, number))
    decoder.crlfHandledByReader = true
    for (const text of pending) splitter.push(text)
    pending = []
  }

  try {
    for (const bytes of pieces(chunks)) {
      const text = decoder.push(bytes)
      if (splitter !== null) {
        ;(splitter as LineSplitter).push(text)
      } else {
        pending.push(text)
        pendingLength += text.length
        if (format === null && pendingLength >= DETECT_CHARS) format = detectFormat(pending.join('')).format ?? null
        const syntax = format === null ? undefined : LINE_SYNTAX[format]
        if (syntax !== undefined) startLines(syntax)
      }
      if (splitter !== null || batch.length >= batchSize) flush()
    }
    const tail = decoder.end()
    const encoding = decoder.encoding ?? 'utf-8'
    if (decoder.invalidBytesAt !== null) {
      issues.push({
        line: 1,
        message: `The file is not valid ${encoding} from byte ${decoder.invalidBytesAt}; unreadable characters were replaced with "�"`,
      })
    }
    if (splitter !== null) {
      ;(splitter as LineSplitter).push(tail)
      ;(splitter as LineSplitter).end()
      ;(tagged as TaggedLineParser | null)?.end()
      flush()
      return { format: format ?? 'unknown', encoding, recordCount, issues: limitIssues(issues) }
    }
    // Not a line format (or too small to have been detected yet): parse the whole text.
    pending.push(tail)
    const text = pending.join('')
    pending = []
    const detection = format === null ? detectFormat(text) : { format }
    if (detection.format === null) {
      return {
        format: 'unknown',
        encoding,
        recordCount: 0,
        issues: [{ line: 1, message: 'reason' in detection ? detection.reason : 'Unknown format' }],
      }
    }
    const output = parseText(text, detection.format, options.columnMapping)
    issues.push(...output.issues)
    batch = output.records
    flush()
    const summary: StreamSummary = { format: detection.format, encoding, recordCount, issues: limitIssues(issues) }
    if (output.needsMapping !== undefined) summary.needsMapping = output.needsMapping
    return summary
  } catch (error) {
    // The caller's own failure (say, a database error) is theirs to handle; only parsing failures become issues.
    if (error instanceof ReceiverFailed) throw error.cause
    issues.push({ line: 1, message: `The file could not be read: ${String(error)}` })
    return {
      format: format ?? 'unknown',
      encoding: decoder.encoding ?? 'utf-8',
      recordCount,
      issues: limitIssues(issues),
    }
  }
}

/** The chunks cut into pieces of at most PIECE_BYTES (views, not copies). */
function* pieces(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  for (const chunk of chunks) {
    if (chunk.length <= PIECE_BYTES) yield chunk
    else for (let at = 0; at < chunk.length; at += PIECE_BYTES) yield chunk.subarray(at, at + PIECE_BYTES)
  }
}

/** Marks an error thrown by onRecords, so it is passed on rather than reported as a parse problem. */
class ReceiverFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('onRecords failed')
  }
}
