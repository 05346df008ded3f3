import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { LineOfArgumentSvg } from '../../../views/synthesis/line-of-argument-svg.tsx'
import { ReportDocument, ReportPage } from '../../../views/synthesis/report.tsx'
import { reportMarkdown } from '../../domain/reporting/synthesis-report.ts'
import { layoutLineOfArgument } from '../../domain/synthesis/line-of-argument-layout.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { synthesisReport } from '../../store/synthesis-report.ts'
import { figurePng } from './figure-png.ts'
import { reviewNav, reviewPath } from './nav.ts'
import { download } from './synthesis-common.tsx'

/** The synthesis report: one page, downloadable as a standalone HTML file or as Markdown. */
export const synthesisReportRoutes = new Hono<ReviewEnv>()

/** The report and its line-of-argument figure (none while the model has no construct). */
async function reportWithFigure(c: Context<ReviewEnv>) {
  const { model, argument } = synthesisReport(c.get('deps').db, c.get('review'))
  const figure =
    argument.nodes.length > 0 ? await layoutLineOfArgument(argument.levels, argument.nodes, argument.relations) : null
  return { model, figure }
}

synthesisReportRoutes.get('/', async (c) => {
  const { model, figure } = await reportWithFigure(c)
  return c.render(
    <ReportPage page={pageContext(c.var)} nav={reviewNav(c, 'synthesis')} model={model} figure={figure} />,
  )
})

synthesisReportRoutes.get('/export/:format', async (c) => {
  const review = c.get('review')
  const { model, figure } = await reportWithFigure(c)
  const origin = new URL(c.req.url).origin
  const format = c.req.param('format')
  if (format === 'md') {
    // The figure travels inside the file (a PNG data URI: pandoc, Word via pandoc, Obsidian, VS Code show it),
    // so the report reads the same away from this server.
    const png =
      figure === null
        ? null
        : figurePng(
            `<?xml version="1.0" encoding="UTF-8"?>\n${(<LineOfArgumentSvg figure={figure} nodeHref={() => '#'} title='Line-of-argument model' />).toString()}`,
          )
    return download(
      c,
      reportMarkdown(
        model,
        origin + reviewPath(c),
        png === null ? null : `data:image/png;base64,${png.toString('base64')}`,
      ),
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
