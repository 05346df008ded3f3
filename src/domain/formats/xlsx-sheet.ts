/**
 * The first worksheet of an XLSX workbook (Excel, EPPI-Reviewer, Embase, Lens) as rows of text cells:
 * shared and inline strings, numbers as written, booleans, formulas by their cached value, and
 * date-formatted numbers as ISO dates. Not a spreadsheet engine: no styles beyond dates, no formulas.
 */
import { localName, readXml, XmlError } from './xml-events.ts'
import { partText, ZipError, zipParts } from './zip-parts.ts'
import type { SheetRow } from './sheet-row.ts'

const WORKBOOK = 'xl/workbook.xml'
const RELATIONS = 'xl/_rels/workbook.xml.rels'
const SHARED_STRINGS = 'xl/sharedStrings.xml'
const STYLES = 'xl/styles.xml'

/** The rows of the workbook's first sheet, or null when the package holds no workbook. */
export function xlsxRows(bytes: Uint8Array): SheetRow[] | null {
  const book = zipParts(bytes, (name) => name === WORKBOOK || name === RELATIONS)
  const workbook = partText(book, WORKBOOK)
  if (workbook === null) return null
  // Only the first sheet is inflated: a workbook may carry many others.
  const sheetPath = firstSheetPath(workbook, partText(book, RELATIONS))
  const parts = zipParts(bytes, (name) => name === sheetPath || name === SHARED_STRINGS || name === STYLES)
  const sheet = partText(parts, sheetPath)
  if (sheet === null) throw new ZipError(`the workbook's first sheet (${sheetPath}) is missing`)
  const shared = sharedStrings(partText(parts, SHARED_STRINGS))
  return worksheetRows(sheet, shared, new DateCells(partText(parts, STYLES), workbook))
}

function worksheetRows(xml: string, shared: readonly string[], dates: DateCells): SheetRow[] {
  const rows: SheetRow[] = []
  let row: string[] | null = null
  let line = 0
  let cell: { column: number; type: string; style: string } | null = null
  let value = ''
  let reading: 'v' | 't' | null = null
  let phonetic = false
  readXml(xml, {
    open(name, attributes) {
      const local = localName(name)
      if (local === 'row') {
        line = Number(attributes['r'] ?? line + 1) || line + 1
        row = []
      } else if (local === 'c' && row !== null) {
        cell = {
          column: columnIndex(attributes['r']) ?? row.length,
          type: attributes['t'] ?? 'n',
          style: attributes['s'] ?? '',
        }
        value = ''
      } else if (local === 'v' && cell !== null) reading = 'v'
      else if (local === 't' && cell !== null && !phonetic) reading = 't'
      else if (local === 'rPh') phonetic = true
    },
    close(name) {
      const local = localName(name)
      if (local === 'v' || local === 't') reading = null
      else if (local === 'rPh') phonetic = false
      else if (local === 'c' && cell !== null && row !== null) {
        while (row.length < cell.column) row.push('')
        row[cell.column] = cellText(cell.type, cell.style, value, shared, dates)
        cell = null
      } else if (local === 'row' && row !== null) {
        rows.push({ cells: row, line })
        row = null
      }
    },
    text(text) {
      if (reading !== null) value += text
    },
  })
  return rows
}

function cellText(type: string, style: string, value: string, shared: readonly string[], dates: DateCells): string {
  if (type === 's') return shared[Number(value)] ?? ''
  if (type === 'b') return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value
  if (type === 'n' && value !== '' && dates.isDate(style)) return dates.iso(Number(value)) ?? value
  return value
}

/** The shared-string table: each <si>'s text runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(xml: string | null): string[] {
  const strings: string[] = []
  if (xml === null) return strings
  let item: string | null = null
  let inText = false
  let phonetic = false
  readXml(xml, {
    open(name) {
      const local = localName(name)
      if (local === 'si') item = ''
      else if (local === 'rPh') phonetic = true
      else if (local === 't' && !phonetic) inText = true
    },
    close(name) {
      const local = localName(name)
      if (local === 'si' && item !== null) {
        strings.push(item)
        item = null
      } else if (local === 'rPh') phonetic = false
      else if (local === 't') inText = false
    },
    text(text) {
      if (inText && item !== null) item += text
    },
  })
  return strings
}

/** The path of the first sheet the workbook lists (its own order, not the package's). */
function firstSheetPath(workbook: string, relations: string | null): string {
  const fallback = 'xl/worksheets/sheet1.xml'
  if (relations === null) return fallback
  let id: string | null = null
  readXml(workbook, {
    open(name, attributes) {
      if (localName(name) === 'sheet') id ??= attributes['r:id'] ?? null
    },
    close() {},
    text() {},
  })
  let target: string | null = null
  readXml(relations, {
    open(name, attributes) {
      if (localName(name) === 'Relationship' && attributes['Id'] === id) target = attributes['Target'] ?? null
    },
    close() {},
    text() {},
  })
  if (target === null) return fallback
  const path: string = target
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`
}

/** Columns an Excel sheet has (A to XFD): a cell past them is a damaged or hostile file, not a wide sheet. */
const MAX_COLUMNS = 16_384

/** "C12" → 2. */
function columnIndex(reference: string | undefined): number | null {
  const letters = reference === undefined ? undefined : /^[A-Z]+/.exec(reference)?.[0]
  if (letters === undefined) return null
  let index = 0
  for (const letter of letters) {
    index = index * 26 + (letter.charCodeAt(0) - 64)
    // Rows are filled up to a cell's column, so an unbounded column would fill memory.
    if (index > MAX_COLUMNS) throw new XmlError(`cell ${reference} lies past column XFD, the last a sheet has`)
  }
  return index - 1
}

/** Excel's built-in number formats that show dates (14–22 and the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57])

/**
 * Which cell styles show a number as a date, read from styles.xml, and the workbook's epoch: Excel
 * stores dates as days since 1899-12-30 (or since 1904-01-01 in workbooks from old Macs).
 */
class DateCells {
  private readonly dateStyles = new Set<string>()
  private readonly epoch1904: boolean

  constructor(styles: string | null, workbook: string | null) {
    this.epoch1904 = workbook !== null && /date1904="(1|true)"/.test(workbook)
    if (styles === null) return
    const custom = new Map<number, string>()
    let inCellFormats = false
    let index = 0
    readXml(styles, {
      open: (name, attributes) => {
        const local = localName(name)
        if (local === 'numFmt') custom.set(Number(attributes['numFmtId']), attributes['formatCode'] ?? '')
        else if (local === 'cellXfs') inCellFormats = true
        else if (local === 'xf' && inCellFormats) {
          const format = Number(attributes['numFmtId'] ?? 0)
          if (BUILT_IN_DATE_FORMATS.has(format) || isDateFormat(custom.get(format))) this.dateStyles.add(String(index))
          index++
        }
      },
      close: (name) => {
        if (localName(name) === 'cellXfs') inCellFormats = false
      },
      text() {},
    })
  }

  isDate(style: string): boolean {
    return this.dateStyles.has(style)
  }

  /** 44197 → "2021-01-01". */
  iso(serial: number): string | null {
    if (!Number.isFinite(serial) || serial < 1) return null
    const days = Math.floor(serial) + (this.epoch1904 ? 1462 : 0)
    const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000)
    // A number beyond any date (an ISBN in a column styled as dates) stays the number it is.
    return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
  }
}

/** A custom number format that shows a date: d, m or y outside quoted text and [colour] brackets. */
function isDateFormat(code: string | undefined): boolean {
  if (code === undefined) return false
  return /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''))
}
