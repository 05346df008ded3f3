import { Hono } from 'hono'
import { SynthesisOverviewPage } from '../../../views/synthesis/overview.tsx'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { listFindings } from '../../store/cerqual-findings.ts'
import { readLineOfArgument } from '../../store/synthesis-line-of-argument.ts'
import { loadSynthesisSnapshot } from '../../store/synthesis-snapshot.ts'
import { reviewNav } from './nav.ts'
import { synthesisChecklistRoutes } from './synthesis-checklists.tsx'
import { synthesisPath } from './synthesis-common.tsx'
import { synthesisConceptRoutes } from './synthesis-concepts.tsx'
import { synthesisConstructRoutes } from './synthesis-constructs.tsx'
import { synthesisFindingRoutes } from './synthesis-findings.tsx'
import { synthesisGridRoutes } from './synthesis-grid.tsx'
import { synthesisLineOfArgumentRoutes } from './synthesis-line-of-argument.tsx'
import { synthesisReportRoutes } from './synthesis-report.tsx'
import { synthesisThirdOrderRoutes } from './synthesis-third-order.tsx'
import { synthesisTranslationRoutes } from './synthesis-translation.tsx'

/** Everything under /reviews/:slug/synthesis: Noblit & Hare phases 4–7. */
export const synthesisRoutes = new Hono<ReviewEnv>()

synthesisRoutes.get('/', (c) => {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  const snapshot = loadSynthesisSnapshot(db, reviewId)
  const findings = listFindings(db, reviewId)
  const counts = {
    studies: snapshot.studies.length,
    constructs: snapshot.constructs.length,
    concepts: snapshot.concepts.length,
    mappings: new Set(snapshot.mappings.map((mapping) => mapping.secondOrderId)).size,
    refutations: snapshot.mappings.filter((mapping) => mapping.translation === 'refutational').length,
    thirdOrders: snapshot.thirdOrders.length,
    modelNodes: readLineOfArgument(db, reviewId).nodes.length,
    findings: findings.length,
    assessed: findings.filter((finding) => finding.confidence !== null).length,
  }
  return c.render(
    <SynthesisOverviewPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'synthesis')}
      base={synthesisPath(c)}
      counts={counts}
    />,
  )
})

synthesisRoutes.route('/grid', synthesisGridRoutes)
synthesisRoutes.route('/concepts', synthesisConceptRoutes)
synthesisRoutes.route('/constructs', synthesisConstructRoutes)
synthesisRoutes.route('/translation', synthesisTranslationRoutes)
synthesisRoutes.route('/third-order', synthesisThirdOrderRoutes)
synthesisRoutes.route('/line-of-argument', synthesisLineOfArgumentRoutes)
synthesisRoutes.route('/findings', synthesisFindingRoutes)
synthesisRoutes.route('/checklists', synthesisChecklistRoutes)
synthesisRoutes.route('/report', synthesisReportRoutes)
