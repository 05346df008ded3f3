/**
 * Spreadsheets (XLSX from Excel, EPPI-Reviewer, Embase or Lens; ODS from LibreOffice): the rows of the
 * first sheet as text cells. The ZIP package is read by fflate and its XML by saxes. Reference lists
 * and `weft rank simulate`'s labelled datasets are both read through here.
 */
import { odsRows } from './ods-sheet.ts'
import { xlsxRows } from './xlsx-sheet.ts'
import { XmlError } from './xml-events.ts'
import { isZip, ZipError } from './zip-parts.ts'
import type { SheetRow } from './sheet-row.ts'

export { isZip } from './zip-parts.ts'

export type { SheetRow } from './sheet-row.ts'

export type SpreadsheetKind = 'xlsx' | 'ods'

export class SpreadsheetError extends Error {}

/** The first sheet's rows, or a SpreadsheetError saying why the file cannot be read as one. */
export function readSpreadsheet(bytes: Uint8Array): { kind: SpreadsheetKind; rows: SheetRow[] } {
  if (!isZip(bytes)) throw new SpreadsheetError('not an XLSX or ODS spreadsheet (no ZIP header)')
  try {
    const xlsx = xlsxRows(bytes)
    if (xlsx !== null) return { kind: 'xlsx', rows: xlsx }
    const ods = odsRows(bytes)
    if (ods !== null) return { kind: 'ods', rows: ods }
  } catch (error) {
    if (error instanceof ZipError || error instanceof XmlError)
      throw new SpreadsheetError(`not a readable spreadsheet: ${error.message}`)
    throw error
  }
  throw new SpreadsheetError('a ZIP archive that is neither an XLSX workbook nor an ODS spreadsheet')
}
