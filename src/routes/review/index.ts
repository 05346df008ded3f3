import type { ReviewEnv } from '../../http/env.ts'
import { loadReview } from '../../http/review-access.ts'
import { signedInRoutes } from '../../http/session.ts'
import { activityRoutes } from './activity.tsx'
import { appraisalRoutes } from './appraisal.tsx'
import { characteristicsRoutes } from './characteristics.tsx'
import { constructRoutes } from './constructs.tsx'
import { dashboardRoutes } from './dashboard.tsx'
import { duplicateRoutes } from './duplicates.tsx'
import { exclusionReasonRoutes } from './exclusion-reasons.tsx'
import { importRoutes } from './imports.tsx'
import { invitationRoutes } from './invitations.tsx'
import { memberRoutes } from './members.tsx'
import { protocolRoutes } from './protocol.tsx'
import { recordLabelRoutes } from './record-labels.tsx'
import { retrievalRoutes } from './retrieval.tsx'
import { reportRoutes } from './report.tsx'
import { screeningRoutes } from './screening.tsx'
import { screeningAllocationRoutes } from './screening-allocation.tsx'
import { screeningAgreementRoutes } from './screening-agreement.tsx'
import { screeningConflictRoutes } from './screening-conflicts.tsx'
import { screeningImportRoutes } from './screening-import.tsx'
import { sourceRoutes } from './sources.tsx'
import { studyRoutes } from './studies.tsx'
import { synthesisRoutes } from './synthesis.tsx'

/**
 * Everything under /reviews/:slug. The access check runs first for every route mounted here, so a
 * route added later is protected without having to remember it.
 */
export const reviewRoutes = signedInRoutes<ReviewEnv>()

reviewRoutes.use('*', loadReview())
reviewRoutes.route('/', dashboardRoutes)
reviewRoutes.route('/protocol', protocolRoutes)
reviewRoutes.route('/exclusion-reasons', exclusionReasonRoutes)
reviewRoutes.route('/members', memberRoutes)
reviewRoutes.route('/invitations', invitationRoutes)
reviewRoutes.route('/sources', sourceRoutes)
reviewRoutes.route('/imports', importRoutes)
reviewRoutes.route('/duplicates', duplicateRoutes)
reviewRoutes.route('/screening', screeningAllocationRoutes)
reviewRoutes.route('/screening', screeningAgreementRoutes)
reviewRoutes.route('/screening/import', screeningImportRoutes)
reviewRoutes.route('/screening', screeningRoutes)
reviewRoutes.route('/screening', screeningConflictRoutes)
reviewRoutes.route('/records', recordLabelRoutes)
// At the root: the list lives at /retrieval, each report's actions and PDF under /reports/:recordId.
reviewRoutes.route('/', retrievalRoutes)
reviewRoutes.route('/studies', studyRoutes)
reviewRoutes.route('/activity', activityRoutes)
reviewRoutes.route('/appraisal', appraisalRoutes)
reviewRoutes.route('/characteristics', characteristicsRoutes)
reviewRoutes.route('/', constructRoutes)
reviewRoutes.route('/synthesis', synthesisRoutes)
reviewRoutes.route('/report', reportRoutes)
