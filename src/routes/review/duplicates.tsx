import { Hono, type Context } from 'hono'
import type { Db } from '../../../db/client.ts'
import { DuplicateQueue, DuplicateQueuePage, type DuplicateQueueProps } from '../../../views/duplicates/queue.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { afterChange, attempt, type RefusalStatus, type Refused } from '../../http/form-action.ts'
import { flashInPanel, pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import {
  confirmDuplicate,
  findCandidatePair,
  listAutomaticMerges,
  listDecidedPairs,
  listPendingPairs,
  rejectDuplicate,
  undoDuplicateDecision,
  type DecisionOutcome,
} from '../../store/duplicate-decisions.ts'
import { dedupStatus } from './dedup-status.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

/**
 * The manual duplicate queue: one uncertain pair at a time, decided "duplicate" or "not duplicate",
 * with undo; after a decision (`afterChange`), htmx swaps in the queue at its next pair.
 */
export const duplicateRoutes = new Hono<ReviewEnv>()

const RECENT_DECISIONS = 20
const RECENT_AUTOMATIC = 50

/** Position in the queue from `?at=` or the posted form; anything else is the start. */
function position(value: unknown): number {
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 0
}

function queueProps(
  c: Context<ReviewEnv>,
  at: number,
  extra: Pick<DuplicateQueueProps, 'notice' | 'undo'> = {},
): DuplicateQueueProps {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  let { pairs, counts } = listPendingPairs(db, reviewId, { offset: at, limit: 1 })
  // Past the end (the last pair was just decided): show the last waiting pair instead of nothing.
  if (pairs.length === 0 && at > 0 && counts.pending > 0) {
    at = counts.pending - 1
    pairs = listPendingPairs(db, reviewId, { offset: at, limit: 1 }).pairs
  }
  return {
    base: reviewPath(c, '/duplicates'),
    csrf: pageContext(c.var).csrf,
    canDecide: roleAtLeast(c.get('role'), 'reviewer'),
    counts,
    pair: pairs[0] ?? null,
    at,
    decided: listDecidedPairs(db, reviewId, RECENT_DECISIONS),
    automatic: listAutomaticMerges(db, reviewId, RECENT_AUTOMATIC),
    ...extra,
  }
}

function renderQueue(
  c: Context<ReviewEnv>,
  at: number,
  extra: Pick<DuplicateQueueProps, 'notice' | 'undo'>,
  status: 200 | RefusalStatus = 200,
) {
  const props = queueProps(c, at, extra)
  // The flash belongs next to its Undo button, inside the queue.
  return c.render(
    <DuplicateQueuePage
      {...props}
      {...flashInPanel(c.var, props.notice)}
      nav={reviewNav(c, 'duplicates')}
      dedup={dedupStatus(c.get('deps'), c.get('review').id)}
      reviewBase={reviewPath(c)}
    />,
    { status, fragment: <DuplicateQueue {...props} /> },
  )
}

duplicateRoutes.get('/', (c) => {
  const undoId = Number(c.req.query('undo') ?? Number.NaN)
  const undo = Number.isSafeInteger(undoId)
    ? findCandidatePair(c.get('deps').db, c.get('review').id, undoId)
    : undefined
  const undoable = undo && (undo.status === 'confirmed' || undo.status === 'rejected') ? undo : undefined
  return renderQueue(c, position(c.req.query('at')), { undo: undoable })
})

type Decide = (db: Db, reviewId: number, candidateId: number, actorId: number, now: Date) => DecisionOutcome

function describe(outcome: DecisionOutcome, action: 'duplicate' | 'not-duplicate' | 'undo'): string {
  if (action === 'duplicate') return `Marked as duplicates: record ${outcome.recordId} stays the primary.`
  if (action === 'undo') {
    return outcome.status === 'pending'
      ? 'Decision undone: the pair waits in the queue again.'
      : 'Split undone: the records are merged again, as deduplication had them.'
  }
  return outcome.recordId === null
    ? 'Marked as not duplicates.'
    : `Marked as not duplicates: record ${outcome.recordId} stands on its own again.`
}

/**
 * One decision route: applies it in one transaction; a pair already decided (a second click, a stale
 * page) is refused with 409 and the queue as it now stands, so the reviewer sees what happened.
 */
function decisionRoute(action: 'duplicate' | 'not-duplicate' | 'undo', decide: Decide) {
  duplicateRoutes.post(`/:candidateId/${action}`, requireRole('reviewer'), async (c) => {
    const body = await c.req.parseBody()
    const at = position(body['at'])
    const { db, now } = c.get('deps')
    const reviewId = c.get('review').id
    const candidateId = idParam(c, 'candidateId')
    const refused: Refused = (form, status) =>
      renderQueue(c, at, { notice: { text: Object.values(form.errors)[0] ?? '', refused: true } }, status)
    return attempt({}, refused, () => {
      const outcome = decide(db, reviewId, candidateId, c.get('user').id, now())
      const text = describe(outcome, action)
      const undo = action === 'undo' ? undefined : findCandidatePair(db, reviewId, candidateId)
      const query = new URLSearchParams()
      if (at > 0) query.set('at', String(at))
      if (undo) query.set('undo', String(candidateId))
      const search = query.size > 0 ? `?${query}` : ''
      return afterChange(c, text, reviewPath(c, `/duplicates${search}`), () =>
        renderQueue(c, at, { notice: { text, refused: false }, undo }),
      )
    })
  })
}

decisionRoute('duplicate', confirmDuplicate)
decisionRoute('not-duplicate', rejectDuplicate)
decisionRoute('undo', (db, reviewId, id, actorId) => undoDuplicateDecision(db, reviewId, id, actorId))
