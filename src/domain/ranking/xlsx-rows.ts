/**
 * The rows of the first worksheet of an XLSX workbook, as text cells: shared strings, inline strings,
 * numbers and booleans as written. Formulas give their cached value. Enough for a labelled dataset; not
 * a spreadsheet engine (no dates, no styles).
 */
import { attributeOf, elementsNamed, textOf } from '../formats/xml-scan.ts'
import type { TableRow } from './labelled-dataset.ts'
import { ZipError, zipEntries } from './zip-entries.ts'

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g

export class XlsxError extends Error {}

export function xlsxRows(bytes: Uint8Array): TableRow[] {
  let parts: Map<string, Uint8Array>
  try {
    parts = zipEntries(bytes, (name) => (name.startsWith('xl/') && name.endsWith('.xml')) || name.endsWith('.rels'))
  } catch (error) {
    throw new XlsxError(`not an XLSX workbook: ${(error as ZipError).message}`)
  }
  const text = (name: string) => {
    const part = parts.get(name)
    return part === undefined ? null : new TextDecoder().decode(part)
  }
  const sheetXml = text(firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')))
  if (sheetXml === null) throw new XlsxError('not an XLSX workbook: no worksheet')
  const shared = elementsNamed(text('xl/sharedStrings.xml') ?? '', 'si').map(
    (item) => textOf(elementsNamed(item, 't').join('')) ?? '',
  )
  const rows: TableRow[] = []
  for (const [, rowAttributes = '', rowXml = ''] of sheetXml.matchAll(ROW)) {
    const line = Number(attribute(rowAttributes, 'r') ?? rows.length + 1)
    const cells: string[] = []
    for (const [, cellAttributes = '', cellXml = ''] of rowXml.matchAll(CELL)) {
      const column = columnIndex(attribute(cellAttributes, 'r')) ?? cells.length
      while (cells.length < column) cells.push('')
      cells[column] = cellValue(attribute(cellAttributes, 't'), cellXml, shared)
    }
    rows.push({ cells, line })
  }
  return rows
}

/** The path of the first sheet the workbook lists (its own order, not the file's). */
function firstSheetPath(workbook: string | null, relations: string | null): string {
  const fallback = 'xl/worksheets/sheet1.xml'
  const id = workbook === null ? null : attributeOf(workbook, 'sheet', 'r:id')
  if (id === null || relations === null) return fallback
  for (const [tag] of relations.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attribute(tag, 'Id') !== id) continue
    const target = attribute(tag, 'Target') ?? ''
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`
  }
  return fallback
}

function cellValue(type: string | null, xml: string, shared: readonly string[]): string {
  if (type === 'inlineStr') return textOf(elementsNamed(xml, 't').join('')) ?? ''
  const value = textOf(elementsNamed(xml, 'v')[0] ?? '') ?? ''
  if (type === 's') return shared[Number(value)] ?? ''
  if (type === 'b') return value === '1' ? 'TRUE' : 'FALSE'
  return value
}

/** "C12" → 2. */
function columnIndex(reference: string | null): number | null {
  const letters = reference === null ? null : /^[A-Z]+/.exec(reference)?.[0]
  if (letters === undefined || letters === null) return null
  let index = 0
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64)
  return index - 1
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  return match?.[1] ?? match?.[2] ?? null
}
