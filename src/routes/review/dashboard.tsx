import { Hono } from 'hono'
import { DashboardPage } from '../../../views/reviews/dashboard.tsx'
import { currentStage, stageAtWork } from '../../domain/review-stages.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { reviewOverview } from '../../store/dashboard.ts'
import { retrievalCounts } from '../../store/reports.ts'
import { personalTodo, stageProgress } from '../../store/review-progress.ts'
import { reviewNav, reviewPath } from './nav.ts'

export const dashboardRoutes = new Hono<ReviewEnv>()

dashboardRoutes.get('/', (c) => {
  const review = c.get('review')
  const { db } = c.get('deps')
  const overview = reviewOverview(db, review.id)
  const retrieval = retrievalCounts(db, review.id)
  const progress = stageProgress(db, review.id, overview.stageCounts, retrieval)
  return c.render(
    <DashboardPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'dashboard')}
      review={review}
      stageCounts={overview.stageCounts}
      stageProgress={progress}
      currentStage={currentStage(overview.stageCounts)}
      atWork={stageAtWork(overview.stageCounts, progress)}
      todo={personalTodo(db, review, c.get('user').id, c.get('role'), retrieval)}
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
