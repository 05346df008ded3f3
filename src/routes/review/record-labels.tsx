import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { RecordLabels, type RecordLabelsProps } from '../../../views/screening/record-labels.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { wantsPartial, type ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { formValues, validate } from '../../input/form.ts'
import { labelInput } from '../../input/label-input.ts'
import { StoreConflictError, StoreNotFoundError } from '../../store/errors.ts'
import { addRecordLabel, labelsOfRecords, removeRecordLabel, reviewLabels } from '../../store/record-labels.ts'
import { idParam, reviewPath } from './nav.ts'

/** Labels on a record, from its screening card: htmx swaps the labels block; a plain post goes back. */
export const recordLabelRoutes = new Hono<ReviewEnv>()

/** The block's props for one record, as the screening card and the label answers show it. */
export function recordLabelsProps(
  c: Context<ReviewEnv>,
  recordId: number,
  back: string,
): Omit<RecordLabelsProps, 'error'> {
  const { db } = c.get('deps')
  const reviewId = c.get('review').id
  return {
    reviewBase: reviewPath(c),
    recordId,
    labels: labelsOfRecords(db, reviewId, [recordId]).get(recordId) ?? [],
    known: reviewLabels(db, reviewId).map((row) => row.label),
    csrf: pageContext(c.var).csrf,
    canLabel: roleAtLeast(c.get('role'), 'reviewer'),
    back,
  }
}

/** Only a page of this review may be gone back to: a crafted form cannot send anyone elsewhere. */
function backTo(c: Context<ReviewEnv>, back: string | undefined): string {
  const base = reviewPath(c)
  return back && (back === base || back.startsWith(`${base}/`)) && !back.includes('//') ? back : base
}

async function labelAction(
  c: Context<ReviewEnv>,
  change: (label: string, recordId: number) => string,
): Promise<Response> {
  const recordId = idParam(c, 'recordId')
  const input = validate(labelInput, formValues(await c.req.parseBody()))
  const back = backTo(c, input.ok ? input.value.back : undefined)
  let error: string | undefined
  let done = ''
  let status: 200 | 409 | 422 = 200
  if (!input.ok) {
    error = Object.values(input.errors)[0] ?? 'That label cannot be used.'
    status = 422
  } else {
    try {
      done = change(input.value.label, recordId)
    } catch (failure) {
      if (failure instanceof StoreNotFoundError) throw new HTTPException(404, { message: failure.message })
      if (!(failure instanceof StoreConflictError)) throw failure
      error = failure.message
      status = 409
    }
  }
  if (wantsPartial(c)) return c.html(<RecordLabels {...recordLabelsProps(c, recordId, back)} error={error} />, status)
  setFlash(c, error ? `Nothing was changed: ${error}` : done)
  return c.redirect(back, 303)
}

recordLabelRoutes.post('/:recordId/labels', requireRole('reviewer'), (c) =>
  labelAction(c, (label, recordId) => {
    const { db, now } = c.get('deps')
    const added = addRecordLabel(db, {
      reviewId: c.get('review').id,
      recordId,
      label,
      actorId: c.get('user').id,
      now: now(),
    })
    return `Label “${added}” added to record ${recordId}.`
  }),
)

recordLabelRoutes.post('/:recordId/labels/remove', requireRole('reviewer'), (c) =>
  labelAction(c, (label, recordId) => {
    removeRecordLabel(c.get('deps').db, { reviewId: c.get('review').id, recordId, label, actorId: c.get('user').id })
    return `Label “${label}” removed from record ${recordId}.`
  }),
)
