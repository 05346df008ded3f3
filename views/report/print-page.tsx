import { raw } from 'hono/html'
import type { PrismaCounts } from '../../src/domain/prisma/counts.ts'
import { PrismaFlowDiagram } from '../prisma/flow-diagram.tsx'

/**
 * The diagram alone on a landscape page, for the browser's "Save as PDF". A print stylesheet rather than a
 * PDF library: Chromium, Firefox and Safari already turn SVG into vector PDF with embedded fonts, while a
 * server-side PDF library (pdfkit + svg-to-pdfkit) would be two more dependencies to keep and a second SVG
 * renderer whose text metrics may disagree with the browser's.
 */
export function PrintPage({
  counts,
  title,
  back,
  stylesheet,
}: {
  counts: PrismaCounts
  title: string
  back: string
  stylesheet: string
}) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang='en'>
        <head>
          <meta charset='utf-8' />
          <title>{`PRISMA 2020 flow diagram · ${title}`}</title>
          <link rel='stylesheet' href={stylesheet} />
        </head>
        <body class='prisma-print'>
          <p class='print-note'>
            To save a PDF, use your browser's <strong>Print</strong> and choose <strong>Save as PDF</strong> (landscape
            is already set). <a href={back}>Back to the report</a>
          </p>
          <PrismaFlowDiagram counts={counts} />
        </body>
      </html>
    </>
  )
}

/**
 * The Report page's and the print page's own rules, served by the report route (the CSP allows
 * same-origin stylesheets only, no inline style): the diagram scales to the column instead of overflowing.
 */
export const REPORT_STYLESHEET = `.prisma-diagram svg { display: block; max-width: 100%; height: auto; margin: 1rem 0; }
@page { size: A4 landscape; margin: 8mm; }
body.prisma-print { margin: 0; font-family: Arial, Helvetica, sans-serif; }
.prisma-print svg { display: block; width: 100%; height: auto; max-height: 100vh; }
.print-note { margin: 8px; padding: 8px; background: #fff4d6; border: 1px solid #b7791f; }
@media print { .print-note { display: none; } }
`
