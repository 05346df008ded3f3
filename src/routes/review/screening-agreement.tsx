import { Hono } from 'hono'
import { AgreementPage } from '../../../views/screening/agreement.tsx'
import { stageAgreement } from '../../domain/agreement/index.ts'
import { SCREENING_STAGES } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { listMembers } from '../../store/memberships.ts'
import { stageVotes } from '../../store/screening-agreement.ts'
import { maySeeConflicts } from '../../domain/screening/blinding.ts'
import { voteViewerOf } from '../../http/review-access.ts'
import { reviewNav, reviewPath } from './nav.ts'

/**
 * Agreement per stage and reviewer pair, computed from the votes the member may see: under blind
 * screening a disagreement on an undecided record would tell a reviewer what the other voted.
 */
export const screeningAgreementRoutes = new Hono<ReviewEnv>()

screeningAgreementRoutes.get('/agreement', (c) => {
  const { db } = c.get('deps')
  const review = c.get('review')
  const pilotOnly = c.req.query('pilot') === '1'
  const viewer = voteViewerOf(c)
  const names = new Map(listMembers(db, review.id).map((member) => [member.userId, member.name]))
  return c.render(
    <AgreementPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'screening')}
      links={{
        reviewBase: reviewPath(c),
        stage: 'title_abstract',
        current: 'agreement',
        conflicts: 0,
        seesConflicts: maySeeConflicts(viewer),
        isOwner: c.get('role') === 'owner',
      }}
      base={reviewPath(c, '/screening/agreement')}
      pilotOnly={pilotOnly}
      pilotActive={review.pilotActive}
      stages={SCREENING_STAGES.map((stage) => ({
        stage,
        agreement: stageAgreement(stageVotes(db, review.id, stage, { pilotOnly, viewer })),
      }))}
      names={names}
    />,
  )
})
