import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { SimpleTable } from '../../src/domain/synthesis/simple-table.ts'
import { Lines } from './synthesis-layout.tsx'

export function TableView(props: { table: SimpleTable; id?: string; caption?: boolean }) {
  return (
    <div class='table-scroll'>
      <table id={props.id} class='synthesis-table'>
        {props.caption ? <caption>{props.table.title}</caption> : null}
        <thead>
          <tr>
            {props.table.columns.map((column) => (
              <th scope='col'>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row) => (
            <tr>
              {row.map((cell) => (
                <td>
                  <Lines text={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

// Exports are opened from disk, away from Weft's stylesheet, so they carry their own few rules.
const EXPORT_CSS = `body{font-family:system-ui,sans-serif;line-height:1.45;color:#1f2430;margin:2rem;max-width:80rem}
table{border-collapse:collapse;width:100%;margin:0.5rem 0 1.5rem}th,td{border:1px solid #c9ced6;padding:0.35rem 0.5rem;vertical-align:top;text-align:left}
th{background:#f1f3f6}caption{text-align:left;font-weight:700;margin-bottom:0.4rem}.muted{color:#5b6270}
figure{margin:1rem 0}svg{max-width:100%;height:auto}`

/** A self-contained HTML document for download (tables, checklists, the synthesis report). */
export function ExportDocument(props: { title: string; reviewTitle: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang='en'>
        <head>
          <meta charset='utf-8' />
          <title>{`${props.title} · ${props.reviewTitle}`}</title>
          <style>{raw(EXPORT_CSS)}</style>
        </head>
        <body>
          <p class='muted'>{props.reviewTitle}</p>
          {props.children}
        </body>
      </html>
    </>
  )
}

export function TableDocument(props: { table: SimpleTable; reviewTitle: string }) {
  return (
    <ExportDocument title={props.table.title} reviewTitle={props.reviewTitle}>
      <h1>{props.table.title}</h1>
      <TableView table={props.table} />
    </ExportDocument>
  )
}
