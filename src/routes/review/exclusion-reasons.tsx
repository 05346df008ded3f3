import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { emptyForm, type FormState } from '../../../views/components/forms.tsx'
import { ExclusionReasonsPage } from '../../../views/reviews/exclusion-reasons.tsx'
import { MAX_EXCLUSION_REASON_LENGTH } from '../../domain/exclusion-reasons.ts'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { requiredText } from '../../input/fields.ts'
import { afterChange, attempt, type RefusalStatus, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
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

function renderReasons(c: Context<ReviewEnv>, form: FormState, status: 200 | RefusalStatus) {
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

const refused = (c: Context<ReviewEnv>) => (form: FormState, status: RefusalStatus) => renderReasons(c, form, status)
const done = (c: Context<ReviewEnv>, text: string) => afterChange(c, text, reviewPath(c, '/exclusion-reasons'))
const db = (c: Context<ReviewEnv>) => c.get('deps').db

exclusionReasonRoutes.get('/', (c) => renderReasons(c, emptyForm, 200))

exclusionReasonRoutes.post('/', requireRole('owner'), (c) =>
  submitForm(c, reasonInput, refused(c), ({ label }) => {
    addExclusionReason(db(c), c.get('review').id, label, c.get('user').id)
    return done(c, `Added “${label}”.`)
  }),
)

exclusionReasonRoutes.post('/:reasonId', requireRole('owner'), (c) =>
  submitForm(c, reasonInput, refused(c), ({ label }) => {
    renameExclusionReason(db(c), c.get('review').id, idParam(c, 'reasonId'), label, c.get('user').id)
    return done(c, 'Reason renamed.')
  }),
)

exclusionReasonRoutes.post('/:reasonId/move', requireRole('owner'), (c) =>
  submitForm(c, moveInput, refused(c), ({ direction }) => {
    moveExclusionReason(db(c), c.get('review').id, idParam(c, 'reasonId'), direction, c.get('user').id)
    return done(c, 'Order saved.')
  }),
)

exclusionReasonRoutes.post('/:reasonId/delete', requireRole('owner'), (c) =>
  attempt({}, refused(c), () => {
    deleteExclusionReason(db(c), c.get('review').id, idParam(c, 'reasonId'), c.get('user').id)
    return done(c, 'Reason deleted.')
  }),
)
