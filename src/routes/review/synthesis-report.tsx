import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ReportDocument, ReportPage } from '../../../views/synthesis/report.tsx'
import { reportMarkdown } from '../../domain/reporting/synthesis-report.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { synthesisReport } from '../../store/synthesis-report.ts'
import { reviewNav, reviewPath } from './nav.ts'
import { download } from './synthesis-common.tsx'

/** The synthesis report: one page, downloadable as a standalone HTML file or as Markdown. */
export const synthesisReportRoutes = new Hono<ReviewEnv>()

synthesisReportRoutes.get('/', (c) => {
  const { model, figure } = synthesisReport(c.get('deps').db, c.get('review'))
  return c.html(<ReportPage page={pageContext(c.var)} nav={reviewNav(c, 'synthesis')} model={model} figure={figure} />)
})

synthesisReportRoutes.get('/export/:format', (c) => {
  const review = c.get('review')
  const { model, figure } = synthesisReport(c.get('deps').db, review)
  const origin = new URL(c.req.url).origin
  const format = c.req.param('format')
  if (format === 'md') {
    return download(
      c,
      reportMarkdown(model, origin + reviewPath(c)),
      `${review.slug}-synthesis-report.md`,
      'text/markdown',
    )
  }
  if (format === 'html') {
    const html = (<ReportDocument model={model} figure={figure} origin={origin} slug={review.slug} />).toString()
    return download(c, html, `${review.slug}-synthesis-report.html`, 'text/html')
  }
  throw new HTTPException(404, { message: 'The report downloads as html or md.' })
})
