import { Hono, type Context } from 'hono'
import { PrintPage, REPORT_STYLESHEET } from '../../../views/report/print-page.tsx'
import { ReportPage } from '../../../views/report/report-page.tsx'
import { prismaSvgDocument } from '../../../views/prisma/flow-diagram.tsx'
import { prismaCounts } from '../../domain/prisma/counts.ts'
import { prismaCsv } from '../../domain/prisma/csv.ts'
import { prismaJson } from '../../domain/prisma/json.ts'
import { prismaFactsSeenBy } from '../../domain/screening/blinding.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { voteViewerOf } from '../../http/review-access.ts'
import { exportInput } from '../../input/export-input.ts'
import { exportFile } from '../../store/exports-file.ts'
import { prismaFacts } from '../../store/prisma-facts.ts'
import { figurePng } from './figure-png.ts'
import { reviewNav, reviewPath } from './nav.ts'

/**
 * The Report page and its downloads. Everything is computed on each request from the stored facts (a few
 * indexed GROUP BY queries, see the prisma_counts bench), so a download is never older than the page.
 */
export const reportRoutes = new Hono<ReviewEnv>()

function countsOf(c: Context<ReviewEnv>) {
  const facts = prismaFactsSeenBy(prismaFacts(c.get('deps').db, c.get('review').id), voteViewerOf(c))
  return { facts, counts: prismaCounts(facts) }
}

/** A download: saved under `fileName`, never cached (the numbers change with every vote). */
function download(c: Context<ReviewEnv>, body: string | Uint8Array, contentType: string, fileName: string) {
  c.header('Content-Type', contentType)
  c.header('Content-Disposition', `attachment; filename="${fileName}"`)
  c.header('Cache-Control', 'no-store')
  return c.body(typeof body === 'string' ? body : new Uint8Array(body))
}

reportRoutes.get('/', (c) => {
  const { facts, counts } = countsOf(c)
  return c.render(
    <ReportPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'report')}
      counts={counts}
      sources={facts.sources}
      base={reviewPath(c, '/report')}
    />,
  )
})

reportRoutes.get('/diagram.svg', (c) => {
  const svg = prismaSvgDocument(countsOf(c).counts)
  return download(c, svg, 'image/svg+xml; charset=utf-8', `${c.get('review').slug}-prisma.svg`)
})

reportRoutes.get('/diagram.png', (c) => {
  const png = figurePng(prismaSvgDocument(countsOf(c).counts))
  return download(c, png, 'image/png', `${c.get('review').slug}-prisma.png`)
})

reportRoutes.get('/print', (c) => {
  const review = c.get('review')
  return c.render(
    <PrintPage
      counts={countsOf(c).counts}
      title={review.title}
      back={reviewPath(c, '/report')}
      stylesheet={reviewPath(c, '/report/report.css')}
    />,
  )
})

reportRoutes.get('/report.css', (c) => {
  c.header('Content-Type', 'text/css; charset=utf-8')
  c.header('Cache-Control', 'private, max-age=3600')
  return c.body(REPORT_STYLESHEET)
})

reportRoutes.get('/prisma.json', (c) => {
  const json = `${JSON.stringify(prismaJson(countsOf(c).counts), null, 2)}\n`
  return download(c, json, 'application/json; charset=utf-8', `${c.get('review').slug}-prisma.json`)
})

reportRoutes.get('/prisma.csv', (c) => {
  return download(c, prismaCsv(countsOf(c).counts), 'text/csv; charset=utf-8', `${c.get('review').slug}-prisma.csv`)
})

reportRoutes.get('/export', (c) => {
  const parsed = exportInput.safeParse(c.req.query())
  if (!parsed.success) return c.text(`This export does not exist: ${parsed.error.issues[0]?.message ?? ''}`, 400)
  const file = exportFile(c.get('deps').db, c.get('review'), parsed.data, voteViewerOf(c))
  return download(c, file.body, file.contentType, file.fileName)
})
