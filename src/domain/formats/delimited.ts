/**
 * CSV and TSV exports (Scopus, Embase, PubMed, CINAHL, Cochrane, Rayyan, Covidence, Zotero, RefWorks,
 * Web of Science tab-delimited) and the rows of spreadsheets. The header row may follow preamble lines (Embase writes its search
 * query first). When no header is recognised as a title column, nothing is imported and the headers
 * are returned so the user can say which column is which.
 */
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import {
  hasKnownTitle,
  isReferenceHeader,
  mapColumns,
  normaliseHeader,
  MULTI_COLUMN_FIELDS,
  type ColumnMapping,
  type MappedField,
} from './column-mapping.ts'
import { guessDelimiter, HEADER_SEARCH_ROWS, readDelimitedRows, type DelimitedRow } from './delimited-rows.ts'
import {
  cleanList,
  cleanMarkup,
  cleanText,
  normaliseDoi,
  normalisePmid,
  pagesFrom,
  splitAuthors,
  urlFrom,
  yearFrom,
} from './normalise.ts'
import { embaseSourceParts, pubmedCitationParts } from './source-citation.ts'

export interface DelimitedOutput {
  records: BibliographicRecord[]
  issues: ParseIssue[]
  /** Set when the columns could not be mapped automatically: the header row as written. */
  needsMapping?: { headers: string[] }
}

export interface TableOptions {
  /** The user's header → field mapping, for exports the built-in table does not know. */
  columnMapping?: ColumnMapping | undefined
  /** Headers are Web of Science two-letter codes (PT AU TI SO …). */
  wos?: boolean
  /** Rows have no text of their own (a spreadsheet's): keep each as "Header: value" lines. */
  labelCells?: boolean
}

export interface DelimitedOptions extends TableOptions {
  /** ',' | '\t' | ';' — guessed from the first lines when absent. */
  delimiter?: string | undefined
}

export function parseDelimited(text: string, options: DelimitedOptions = {}): DelimitedOutput {
  const issues: ParseIssue[] = []
  const rows = readDelimitedRows(text, options.delimiter ?? guessDelimiter(text), issues)
  return tableRecords(rows, options, issues)
}

/**
 * A table's rows (from a CSV/TSV file or a spreadsheet) → records: the header row found past any
 * preamble, its columns mapped to fields, each later non-empty row one record.
 */
export function tableRecords(
  rows: readonly DelimitedRow[],
  options: TableOptions,
  issues: ParseIssue[] = [],
): DelimitedOutput {
  const headerAt = findHeaderRow(rows, options)
  const header = rows[headerAt]
  if (header === undefined)
    return { records: [], issues: [...issues, { line: 1, message: 'The file has no header row' }] }
  const headers = header.cells.map((cell) => cell.replace(/^\uFEFF/, '').trim())
  const columns = mapColumns(headers, { explicit: options.columnMapping, wos: options.wos ?? false })
  if (!columns.has('title') && options.columnMapping === undefined) {
    return { records: [], issues, needsMapping: { headers } }
  }
  const missing = missingColumns(options.columnMapping, headers)
  if (missing.length > 0) {
    const list = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ')
    const message = `The mapping names ${missing.length === 1 ? 'the column' : 'columns'} ${list(missing)}, which the header row does not have; its columns are ${list(headers)}`
    return { records: [], issues: [...issues, { line: header.line, message }] }
  }
  const records: BibliographicRecord[] = []
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i]
    if (row === undefined || row.cells.every((cell) => cell.trim() === '')) continue
    if (row.cells.length < headers.length && options.labelCells !== true) {
      issues.push({
        line: row.line,
        record: records.length + 1,
        message: `Row ${records.length + 1} (line ${row.line}) has ${row.cells.length} of ${headers.length} columns; the missing ones are read as empty`,
      })
    }
    const text = options.labelCells === true ? labelledCells(headers, row.cells) : row.text
    records.push(rowRecord(row, columns, text))
  }
  return { records, issues }
}

/** The columns a user's mapping uses (not "ignore") that the header row lacks. */
function missingColumns(mapping: ColumnMapping | undefined, headers: readonly string[]): string[] {
  if (mapping === undefined) return []
  const present = new Set(headers.map(normaliseHeader))
  return Object.entries(mapping)
    .filter(([header, field]) => field !== 'ignore' && !present.has(normaliseHeader(header)))
    .map(([header]) => header)
}

/** A spreadsheet row as text, for the record's original text: "Header: value" per non-empty cell. */
function labelledCells(headers: readonly string[], cells: readonly string[]): string {
  const lines: string[] = []
  cells.forEach((cell, index) => {
    if (cell.trim() !== '') lines.push(`${headers[index] || `Column ${index + 1}`}: ${cell}`)
  })
  return lines.join('\n')
}

/**
 * The header row: the first that names a column of the user's mapping; without a mapping, the first
 * that reads as a reference list's header, else the first naming a title column, else the first row
 * with two or more cells.
 */
function findHeaderRow(rows: readonly DelimitedRow[], options: TableOptions): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS)
  const first = (test: (cells: string[]) => boolean): number =>
    rows.slice(0, limit).findIndex((row) => test(row.cells.map((cell) => cell.replace(/^\uFEFF/, '').trim())))
  if (options.columnMapping !== undefined) {
    const explicit = new Set(Object.keys(options.columnMapping).map(normaliseHeader))
    const at = first((cells) => cells.some((cell) => explicit.has(normaliseHeader(cell))))
    if (at !== -1) return at
  } else {
    const at = first((cells) => isReferenceHeader(cells, options.wos))
    if (at !== -1) return at
    const titled = first((cells) => hasKnownTitle(cells, options.wos))
    if (titled !== -1) return titled
  }
  for (let i = 0; i < limit; i++) {
    if ((rows[i]?.cells.filter((cell) => cell.trim() !== '').length ?? 0) >= 2) return i
  }
  return 0
}

function rowRecord(
  row: DelimitedRow,
  columns: ReadonlyMap<MappedField, number[]>,
  originalText: string,
): BibliographicRecord {
  const record = blankRecord(originalText, row.line)
  const value = (field: MappedField): string | null => {
    for (const index of columns.get(field) ?? []) {
      const text = cleanText(unwrapExcel(row.cells[index]))
      if (text !== null) return text
    }
    return null
  }
  const values = (field: MappedField): string[] =>
    MULTI_COLUMN_FIELDS.has(field)
      ? cleanList((columns.get(field) ?? []).map((index) => unwrapExcel(row.cells[index])))
      : cleanList([value(field)])

  const journal = cleanMarkup(value('journal'))
  // Embase's "Source" is a whole citation; PubMed's "Citation" has what its other columns lack.
  const cited = {
    ...(journal === null ? null : embaseSourceParts(journal)),
    ...pubmedCitationParts(value('citation') ?? ''),
  }
  record.title = cleanMarkup(value('title'))
  record.abstract = cleanMarkup(value('abstract'))
  const authors = value('authors')
  record.authors = authors !== null && authors.includes('|') ? cleanList(authors.split('|')) : splitAuthors(authors)
  record.year = yearFrom(value('year') ?? cited.year)
  record.journal = cited.journal ?? journal
  record.volume = value('volume') ?? cited.volume ?? null
  record.issue = value('issue') ?? cited.issue ?? null
  record.pages =
    value('pages') ?? pagesFrom(value('pageStart'), value('pageEnd')) ?? value('articleNumber') ?? cited.pages ?? null
  record.doi = normaliseDoi(value('doi'))
  record.pmid = normalisePmid(value('pmid'))
  record.keywords = values('keywords').flatMap(keywordList)
  record.language = value('language')
  record.url = urlFrom(value('url'))
  record.publicationType = value('publicationType')
  return record
}

/**
 * One keywords cell: split on ";" or "|" (Scopus, OpenAlex) or, when there is neither, on commas
 * outside brackets, since Embase qualifies a term as "cyst (diagnosis, surgery)".
 */
function keywordList(cell: string): string[] {
  if (cell.includes(';')) return cleanList(cell.split(';'))
  if (cell.includes('|')) return cleanList(cell.split('|'))
  return cleanList(cell.split(/,(?![^()]*\))/))
}

/** Excel-protected cells as CINAHL writes them: ="19326203" → 19326203. */
function unwrapExcel(cell: string | undefined): string | undefined {
  if (cell === undefined || !cell.startsWith('="')) return cell
  return cell.endsWith('"') ? cell.slice(2, -1) : cell.slice(2)
}
