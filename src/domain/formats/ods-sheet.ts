/**
 * The first table of an OpenDocument spreadsheet (LibreOffice, OpenOffice, Google Sheets' .ods) as
 * rows of text cells. Numbers, dates and booleans come from their office:*-value attributes, text from
 * the cell's paragraphs (several paragraphs are lines; <text:s text:c="3"/> is three spaces). Comments
 * (office:annotation) are not cell text. Repeated cells and rows are expanded only between non-empty
 * ones, since LibreOffice pads a sheet to its last column and row with "repeated" empties.
 */
import { readXml } from './xml-events.ts'
import { partText, zipParts } from './zip-parts.ts'
import type { SheetRow } from './sheet-row.ts'

/** More repeats of one non-empty cell or row than any reference list has: a crafted file. */
const MAX_REPEAT = 10_000

/** The rows of the document's first table, or null when the package is not an OpenDocument. */
export function odsRows(bytes: Uint8Array): SheetRow[] | null {
  const content = partText(
    zipParts(bytes, (name) => name === 'content.xml'),
    'content.xml',
  )
  return content === null ? null : tableRows(content)
}

function tableRows(xml: string): SheetRow[] {
  const rows: SheetRow[] = []
  let tables = 0
  let inTable = false
  let line = 0
  let row: { cells: string[]; pendingEmpty: number; repeat: number } | null = null
  let cell: { value: string | null; text: string; paragraphs: number; open: number; repeat: number } | null = null
  let annotation = 0

  readXml(xml, {
    open(name, attributes) {
      if (name === 'table:table') {
        tables++
        inTable = tables === 1
      } else if (!inTable) return
      else if (name === 'table:table-row') {
        row = { cells: [], pendingEmpty: 0, repeat: repeats(attributes['table:number-rows-repeated']) }
      } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && row !== null) {
        cell = {
          value: typedValue(attributes),
          text: '',
          paragraphs: 0,
          open: 0,
          repeat: repeats(attributes['table:number-columns-repeated']),
        }
      } else if (name === 'office:annotation') annotation++
      else if (cell === null || annotation > 0) return
      else if (name === 'text:p' || name === 'text:h') {
        if (cell.paragraphs++ > 0) cell.text += '\n'
        cell.open++
      } else if (name === 'text:s') cell.text += ' '.repeat(Math.min(repeats(attributes['text:c']), 1000))
      else if (name === 'text:tab') cell.text += '\t'
      else if (name === 'text:line-break') cell.text += '\n'
    },
    close(name) {
      if (name === 'table:table') inTable = false
      else if (!inTable) return
      else if (name === 'office:annotation') annotation--
      else if ((name === 'text:p' || name === 'text:h') && cell !== null && annotation === 0) cell.open--
      else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell !== null && row !== null) {
        const text = cell.value ?? cell.text
        if (text === '') row.pendingEmpty += cell.repeat
        else {
          for (; row.pendingEmpty > 0; row.pendingEmpty--) row.cells.push('')
          for (let i = 0; i < Math.min(cell.repeat, MAX_REPEAT); i++) row.cells.push(text)
        }
        cell = null
      } else if (name === 'table:table-row' && row !== null) {
        if (row.cells.length === 0) line += row.repeat
        else
          for (let i = 0; i < Math.min(row.repeat, MAX_REPEAT); i++) rows.push({ cells: [...row.cells], line: ++line })
        row = null
      }
    },
    text(text) {
      if (cell !== null && annotation === 0 && cell.open > 0) cell.text += text
    },
  })
  return rows
}

/** A cell's value from its type attributes; null for text cells, whose value is their paragraphs. */
function typedValue(attributes: Readonly<Record<string, string>>): string | null {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency':
      return attributes['office:value'] ?? null
    case 'date':
      return (attributes['office:date-value'] ?? '').slice(0, 10) || null
    case 'boolean':
      return attributes['office:boolean-value'] === 'true' ? 'TRUE' : 'FALSE'
    default:
      return null
  }
}

function repeats(value: string | undefined): number {
  const count = Number(value ?? 1)
  return Number.isInteger(count) && count > 0 ? count : 1
}
