import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { ExclusionReasonsPage } from '../../../views/reviews/exclusion-reasons.tsx'
import { MAX_EXCLUSION_REASON_LENGTH } from '../../domain/exclusion-reasons.ts'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { requiredText } from '../../input/fields.ts'
import { formValues, validate } from '../../input/form.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { conflictAsFormState } from '../../http/form-state.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import {
  addExclusionReason,
  deleteExclusionReason,
  listExclusionReasons,
  moveExclusionReason,
  renameExclusionReason,
} from '../../store/exclusion-reasons.ts'
import { idParam, reviewNav, reviewPath } from './nav.ts'

export const exclusionReasonRoutes = new Hono<ReviewEnv>()

const reasonInput = z.object({
  label: requiredText('A reason', MAX_EXCLUSION_REASON_LENGTH, 'Write the reason, e.g. “Wrong population”.'),
})
const moveInput = z.object({ direction: z.enum(['up', 'down'], { error: 'Move a reason up or down.' }) })

function renderReasons(c: Context<ReviewEnv>, form: FormState, status: 200 | 422) {
  const reasons = listExclusionReasons(c.get('deps').db, c.get('review').id)
  return c.render(
    <ExclusionReasonsPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'protocol')}
      reasons={reasons}
      canEdit={roleAtLeast(c.get('role'), 'owner')}
      form={form}
    />,
    { status: status },
  )
}

/** Runs one change to the list, then shows the list again with the outcome or the refusal. */
async function changeReasons(
  c: Context<ReviewEnv>,
  apply: (values: Record<string, string>) => { ok: true; done: string } | { ok: false; form: FormState },
) {
  const values = formValues(await c.req.parseBody())
  try {
    const outcome = apply(values)
    if (!outcome.ok) return renderReasons(c, outcome.form, 422)
    setFlash(c, outcome.done)
    return c.redirect(reviewPath(c, '/exclusion-reasons'), 303)
  } catch (error) {
    return renderReasons(c, conflictAsFormState(error, values), 422)
  }
}

exclusionReasonRoutes.get('/', (c) => renderReasons(c, emptyForm, 200))

exclusionReasonRoutes.post('/', requireRole('owner'), (c) =>
  changeReasons(c, (values) => {
    const input = validate(reasonInput, values)
    if (!input.ok) return { ok: false, form: input }
    addExclusionReason(c.get('deps').db, c.get('review').id, input.value.label, c.get('user').id)
    return { ok: true, done: `Added “${input.value.label}”.` }
  }),
)

exclusionReasonRoutes.post('/:reasonId', requireRole('owner'), (c) =>
  changeReasons(c, (values) => {
    const input = validate(reasonInput, values)
    if (!input.ok) return { ok: false, form: input }
    renameExclusionReason(
      c.get('deps').db,
      c.get('review').id,
      idParam(c, 'reasonId'),
      input.value.label,
      c.get('user').id,
    )
    return { ok: true, done: 'Reason renamed.' }
  }),
)

exclusionReasonRoutes.post('/:reasonId/move', requireRole('owner'), (c) =>
  changeReasons(c, (values) => {
    const input = validate(moveInput, values)
    if (!input.ok) return { ok: false, form: input }
    moveExclusionReason(
      c.get('deps').db,
      c.get('review').id,
      idParam(c, 'reasonId'),
      input.value.direction,
      c.get('user').id,
    )
    return { ok: true, done: 'Order saved.' }
  }),
)

exclusionReasonRoutes.post('/:reasonId/delete', requireRole('owner'), (c) =>
  changeReasons(c, () => {
    deleteExclusionReason(c.get('deps').db, c.get('review').id, idParam(c, 'reasonId'), c.get('user').id)
    return { ok: true, done: 'Reason deleted.' }
  }),
)
