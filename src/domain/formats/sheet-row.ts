/** One row of a spreadsheet's first sheet, as text cells. */
export interface SheetRow {
  cells: string[]
  /** The row's number in the sheet (1-based), as the spreadsheet shows it. */
  line: number
}
