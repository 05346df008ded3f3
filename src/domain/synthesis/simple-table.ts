/**
 * A table as exports need it: column headings and rows of text cells (a cell may hold several lines).
 * The same value renders as CSV, as an HTML table and as Markdown, so the three never disagree.
 */
import { csvFile } from '../formats/write-csv.ts'

export interface SimpleTable {
  title: string
  columns: string[]
  rows: string[][]
}

/** UTF-8 CSV with a byte-order mark (Excel), one line per row; multi-line cells stay in one quoted cell. */
export function tableCsv(table: SimpleTable): string {
  return csvFile(table.columns, table.rows)
}

/** User text in Markdown: HTML-significant characters escaped, so a renderer shows them as typed. */
export function markdownText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

function markdownCell(text: string): string {
  return markdownText(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', '<br>') || ' '
}

export function tableMarkdown(table: SimpleTable): string {
  const lines = [
    `| ${table.columns.map(markdownCell).join(' | ')} |`,
    `| ${table.columns.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
  ]
  return `${lines.join('\n')}\n`
}
