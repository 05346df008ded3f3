import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'

/**
 * A self-contained HTML file for an exported table: opened from disk or pasted into a manuscript, so it
 * carries its own few styles and nothing from the app.
 */
export function ExportDocument(props: { title: string; children: Child }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang='en'>
        <head>
          <meta charset='utf-8' />
          <title>{props.title}</title>
          <style>
            {raw(
              'body{font-family:sans-serif}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}',
            )}
          </style>
        </head>
        <body>
          <h1>{props.title}</h1>
          {props.children}
        </body>
      </html>
    </>
  )
}
