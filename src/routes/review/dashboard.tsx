import { Hono } from 'hono'
import { DashboardPage } from '../../../views/reviews/dashboard.tsx'
import { currentStage } from '../../domain/review-stages.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { reviewOverview } from '../../store/dashboard.ts'
import { reviewNav, reviewPath } from './nav.ts'

export const dashboardRoutes = new Hono<ReviewEnv>()

dashboardRoutes.get('/', (c) => {
  const review = c.get('review')
  const overview = reviewOverview(c.get('deps').db, review.id)
  return c.html(
    <DashboardPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'dashboard')}
      review={review}
      stageCounts={overview.stageCounts}
      currentStage={currentStage(overview.stageCounts)}
      stageLinks={{
        identification: reviewPath(c, '/sources'),
        screening: reviewPath(c, '/screening/title-abstract'),
        retrieval: reviewPath(c, '/retrieval'),
        eligibility: reviewPath(c, '/screening/full-text'),
        included: reviewPath(c, '/studies'),
        appraisal: reviewPath(c, '/appraisal'),
        extraction: reviewPath(c, '/characteristics'),
        synthesis: reviewPath(c, '/synthesis'),
      }}
      identification={overview.identification}
      identificationSummary={overview.identificationSummary}
      recordsLeftToScreen={overview.recordsLeftToScreen}
      memberCount={overview.memberCount}
    />,
  )
})
