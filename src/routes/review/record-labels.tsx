import { Hono, type Context } from 'hono'
import { Layout } from '../../../views/layout.tsx'
import { RecordLabels, type RecordLabelsProps } from '../../../views/screening/record-labels.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { afterChange, attempt, type Refused } from '../../http/form-action.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { formValues, validate } from '../../input/form.ts'
import { labelInput } from '../../input/label-input.ts'
import { addRecordLabel, labelsOfRecords, removeRecordLabel, reviewLabels } from '../../store/record-labels.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

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

/**
 * Adds or removes a label. htmx swaps the labels block in place; without JavaScript a change goes back to
 * the page the form was on, and a refusal shows the block on a page of its own with the reason beside it.
 */
async function labelAction(
  c: Context<ReviewEnv>,
  change: (label: string, recordId: number) => string,
): Promise<Response> {
  const recordId = idParam(c, 'recordId')
  const values = formValues(await c.req.parseBody())
  const input = validate(labelInput, values)
  const back = backTo(c, input.ok ? input.value.back : undefined)
  const block = (error?: string) => (
    <Layout page={pageContext(c.var)} title={`Labels of record ${recordId}`} review={reviewNav(c, 'screening')}>
      <RecordLabels {...recordLabelsProps(c, recordId, back)} error={error} />
    </Layout>
  )
  const refused: Refused = (form, status) => c.render(block(Object.values(form.errors)[0]), { status })
  if (!input.ok) return refused(input, 422)
  return attempt(values, refused, () => {
    const done = change(input.value.label, recordId)
    return afterChange(c, done, back, () => c.render(block()))
  })
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
