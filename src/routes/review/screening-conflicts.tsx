import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ConflictQueuePage } from '../../../views/screening/conflicts.tsx'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole, voteViewerOf } from '../../http/review-access.ts'
import { firstError, formValues, validate } from '../../input/form.ts'
import { reopenInput, resolutionInput } from '../../input/screening-input.ts'
import { StoreConflictError, StoreNotFoundError } from '../../store/errors.ts'
import { maySeeConflicts } from '../../domain/screening/blinding.ts'
import { isResolver } from '../../domain/screening/rules.ts'
import { reasonLabels } from '../../store/screening-card.ts'
import { conflictQueue } from '../../store/screening-conflicts.ts'
import { reopenRecord, resolveConflict } from '../../store/screening-resolutions.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'
import { afterParam, stageBase, stageOf } from './screening-params.ts'

/** The conflict queue and the resolver's and owner's actions on a record: resolve, reopen. */
export const screeningConflictRoutes = new Hono<ReviewEnv>()

const PAGE_SIZE = 20

function requireResolver(c: Context<ReviewEnv>): void {
  if (!isResolver(c.get('review'), c.get('user').id, c.get('role'))) {
    throw new HTTPException(403, { message: 'Only an owner or the review’s third reviewer resolves conflicts.' })
  }
}

/** Resolvers settle conflicts; viewers read them (they read everything); blind reviewers are told why not. */
screeningConflictRoutes.get('/:stage/conflicts', (c) => {
  const stage = stageOf(c)
  const viewer = voteViewerOf(c)
  const { db } = c.get('deps')
  const review = c.get('review')
  const queue = conflictQueue(db, review, stage, viewer, { after: afterParam(c), limit: PAGE_SIZE })
  return c.render(
    <ConflictQueuePage
      page={pageContext(c.var)}
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
  )
})

screeningConflictRoutes.post('/:stage/records/:recordId/resolve', requireRole('reviewer'), async (c) => {
  const stage = stageOf(c)
  requireResolver(c)
  const recordId = idParam(c, 'recordId')
  const input = validate(resolutionInput, formValues(await c.req.parseBody()))
  const back = `${stageBase(c, stage)}/conflicts`
  if (!input.ok) return refusedTo(c, back, firstError(input.errors))
  const { db, now } = c.get('deps')
  return settle(c, back, () => {
    resolveConflict(db, {
      reviewId: c.get('review').id,
      recordId,
      stage,
      ...input.value,
      resolvedBy: c.get('user').id,
      at: now(),
    })
    return `Record ${recordId} resolved as ${input.value.verdict}.`
  })
})

screeningConflictRoutes.post('/:stage/records/:recordId/reopen', requireRole('owner'), async (c) => {
  const stage = stageOf(c)
  const recordId = idParam(c, 'recordId')
  const input = validate(reopenInput, formValues(await c.req.parseBody()))
  const back = `${stageBase(c, stage)}/records/${recordId}`
  if (!input.ok) return refusedTo(c, back, firstError(input.errors))
  const { db, now } = c.get('deps')
  return settle(c, back, () => {
    reopenRecord(db, {
      reviewId: c.get('review').id,
      recordId,
      stage,
      note: input.value.note,
      reopenedBy: c.get('user').id,
      at: now(),
    })
    return `Record ${recordId} reopened: its reviewers may change their votes, or a resolver decides it again.`
  })
})

/** Runs a store action; success and refusal alike go back to `back` with a notice (POST/redirect/GET). */
function settle(c: Context<ReviewEnv>, back: string, action: () => string) {
  try {
    setFlash(c, action())
    return c.redirect(back, 303)
  } catch (error) {
    if (error instanceof StoreNotFoundError) throw new HTTPException(404, { message: error.message })
    if (error instanceof StoreConflictError) return refusedTo(c, back, error.message)
    throw error
  }
}

/** A refusal goes back to the page the form was on, saying why nothing changed. */
function refusedTo(c: Context<ReviewEnv>, back: string, message: string) {
  setFlash(c, `Nothing was changed: ${message}`)
  return c.redirect(back, 303)
}
