/**
 * A reference list kept as a spreadsheet (an EPPI-Reviewer or Embase XLSX, a team's own Excel or
 * LibreOffice sheet): the first sheet read as a table, its columns mapped as a CSV export's are.
 */
import type { ColumnMapping } from './column-mapping.ts'
import { tableRecords, type DelimitedOutput } from './delimited.ts'
import type { FormatName } from './detect.ts'
import { isZip, readSpreadsheet, SpreadsheetError, type SpreadsheetKind } from './spreadsheet.ts'

/** A ZIP package is read as a spreadsheet whatever was chosen; the user may also insist on one. */
export function isSpreadsheet(bytes: Uint8Array, format: FormatName | undefined): boolean {
  return isZip(bytes) || format === 'xlsx' || format === 'ods'
}

export function parseSpreadsheet(
  bytes: Uint8Array,
  columnMapping?: ColumnMapping,
): DelimitedOutput & { format: SpreadsheetKind | null } {
  try {
    const { kind, rows } = readSpreadsheet(bytes)
    const table = rows.map((row) => ({ ...row, text: '' }))
    return { format: kind, ...tableRecords(table, { columnMapping, labelCells: true }) }
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error
    return { format: null, records: [], issues: [{ line: 1, message: `The file is ${error.message}` }] }
  }
}
