/**
 * A labelled review for simulation: a table (CSV or spreadsheet) with the columns title, abstract and
 * label_included (1 or 0), and optionally keywords, as ASReview and its benchmark datasets write them.
 * Any mistake names the line (or spreadsheet row) it is on.
 */

export interface TableRow {
  cells: readonly string[]
  /** 1-based line of a CSV file or row of a spreadsheet. */
  line: number
}

export interface LabelledRecord {
  title: string
  abstract: string
  keywords: string
  included: boolean
}

export class LabelledDatasetError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LabelledDatasetError'
  }
}

const REQUIRED = ['title', 'abstract', 'label_included'] as const
const YES = new Set(['1', 'true', 'yes', 'y', 'included'])
const NO = new Set(['0', 'false', 'no', 'n', 'excluded'])

const isBlank = (row: TableRow) => row.cells.every((cell) => cell.trim() === '')

/** `where` names the unit of `line` in messages: "line" for CSV, "row" for a spreadsheet. */
export function labelledRecords(rows: readonly TableRow[], where: 'line' | 'row'): LabelledRecord[] {
  const header = rows.find((row) => !isBlank(row))
  if (header === undefined) throw new LabelledDatasetError('the file is empty')
  const names = header.cells.map((cell) =>
    cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  )
  const column = (name: string) => names.indexOf(name)
  const missing = REQUIRED.filter((name) => column(name) === -1)
  if (missing.length > 0) {
    throw new LabelledDatasetError(
      `${where} ${header.line}: no ${missing.join(', ')} column (the header has ${names.filter(Boolean).join(', ') || 'no names'})`,
    )
  }
  const [title, abstract, label] = REQUIRED.map(column) as [number, number, number]
  const keywords = column('keywords')
  const records: LabelledRecord[] = []
  for (const row of rows) {
    if (row.line <= header.line || isBlank(row)) continue
    const value = (row.cells[label] ?? '').trim().toLowerCase()
    if (!YES.has(value) && !NO.has(value)) {
      throw new LabelledDatasetError(
        `${where} ${row.line}: label_included must be 1 or 0, not “${row.cells[label] ?? ''}”`,
      )
    }
    records.push({
      title: row.cells[title] ?? '',
      abstract: row.cells[abstract] ?? '',
      keywords: keywords === -1 ? '' : (row.cells[keywords] ?? ''),
      included: YES.has(value),
    })
  }
  const includes = records.filter((record) => record.included).length
  if (includes === 0 || includes === records.length) {
    throw new LabelledDatasetError(
      `label_included: a simulation needs at least one record labelled 1 and one labelled 0 (found ${includes} of ${records.length})`,
    )
  }
  return records
}

/** The text the model reads for a record. */
export function recordText(record: { title: string; abstract: string; keywords: string }): string {
  return `${record.title} ${record.abstract} ${record.keywords}`
}
