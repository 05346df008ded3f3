import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ConflictQueuePage } from '../../../views/screening/conflicts.tsx'
import { afterChange, type RefusalStatus, type Refused, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole, voteViewerOf } from '../../http/review-access.ts'
import { firstError } from '../../input/form.ts'
import { reopenInput, resolutionInput } from '../../input/screening-input.ts'
import { maySeeConflicts } from '../../domain/screening/blinding.ts'
import { isResolver } from '../../domain/screening/rules.ts'
import { reasonLabels } from '../../store/screening-card.ts'
import { conflictQueue } from '../../store/screening-conflicts.ts'
import { reopenRecord, resolveConflict } from '../../store/screening-resolutions.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'
import { afterParam, stageBase, stageOf } from './screening-params.ts'
import { refuseOnCard } from './screening.tsx'

/** The conflict queue and the resolver's and owner's actions on a record: resolve, reopen. */
export const screeningConflictRoutes = new Hono<ReviewEnv>()

const PAGE_SIZE = 20

function requireResolver(c: Context<ReviewEnv>): void {
  if (!isResolver(c.get('review'), c.get('user').id, c.get('role'))) {
    throw new HTTPException(403, { message: 'Only an owner or the review’s third reviewer resolves conflicts.' })
  }
}

/** Resolvers settle conflicts; viewers read them (they read everything); blind reviewers are told why not. */
screeningConflictRoutes.get('/:stage/conflicts', (c) => renderConflicts(c))

/** The queue; after a refused resolution, again with the reason on top (409 or 422). */
function renderConflicts(c: Context<ReviewEnv>, refusal?: { message: string; status: RefusalStatus }) {
  const stage = stageOf(c)
  const viewer = voteViewerOf(c)
  const { db } = c.get('deps')
  const review = c.get('review')
  const queue = conflictQueue(db, review, stage, viewer, { after: afterParam(c), limit: PAGE_SIZE })
  return c.render(
    <ConflictQueuePage
      page={refusal ? { ...pageContext(c.var), flash: `Nothing was changed: ${refusal.message}` } : pageContext(c.var)}
      nav={reviewNav(c, 'screening')}
      links={{
        reviewBase: reviewPath(c),
        stage,
        current: 'conflicts',
        conflicts: queue.total,
        seesConflicts: maySeeConflicts(viewer),
        isOwner: c.get('role') === 'owner',
      }}
      stage={stage}
      base={stageBase(c, stage)}
      {...queue}
      hiddenByBlinding={!maySeeConflicts(viewer)}
      canResolve={isResolver(review, c.get('user').id, c.get('role'))}
      reasons={[...reasonLabels(db, review.id)].map(([id, label]) => ({ id, label }))}
    />,
    { status: refusal?.status ?? 200 },
  )
}

screeningConflictRoutes.post('/:stage/records/:recordId/resolve', requireRole('reviewer'), (c) => {
  const stage = stageOf(c)
  requireResolver(c)
  const recordId = idParam(c, 'recordId')
  const refused: Refused = (form, status) => renderConflicts(c, { message: firstError(form.errors), status })
  return submitForm(c, resolutionInput, refused, (input) => {
    const { db, now } = c.get('deps')
    resolveConflict(db, {
      reviewId: c.get('review').id,
      recordId,
      stage,
      ...input,
      resolvedBy: c.get('user').id,
      at: now(),
    })
    return afterChange(c, `Record ${recordId} resolved as ${input.verdict}.`, `${stageBase(c, stage)}/conflicts`)
  })
})

screeningConflictRoutes.post('/:stage/records/:recordId/reopen', requireRole('owner'), (c) => {
  const stage = stageOf(c)
  const recordId = idParam(c, 'recordId')
  const refused: Refused = (form, status) => refuseOnCard(c, stage, recordId, firstError(form.errors), status)
  return submitForm(c, reopenInput, refused, ({ note }) => {
    const { db, now } = c.get('deps')
    reopenRecord(db, { reviewId: c.get('review').id, recordId, stage, note, reopenedBy: c.get('user').id, at: now() })
    const done = `Record ${recordId} reopened: its reviewers may change their votes, or a resolver decides it again.`
    return afterChange(c, done, `${stageBase(c, stage)}/records/${recordId}`)
  })
})
