import { randomInt } from 'node:crypto'
import { Hono, type Context } from 'hono'
import type { z } from 'zod'
import { AllocationPage } from '../../../views/screening/allocation.tsx'
import type { FormState } from '../../../views/components/forms.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { afterChange, attempt, type RefusalStatus, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { type FormValues } from '../../input/form.ts'
import { batchInput, pilotInput, thirdReviewerInput } from '../../input/screening-input.ts'
import { listMembers } from '../../store/memberships.ts'
import {
  assignBatch,
  assignmentCounts,
  endPilot,
  pilotRecordIds,
  pilotVotesBy,
  setThirdReviewer,
  startPilot,
} from '../../store/screening-allocation.ts'
import { reviewNav, reviewPath } from './nav.ts'

/** The owner's screening tools: third reviewer, batches, pilot round. */
export const screeningAllocationRoutes = new Hono<ReviewEnv>()

type FormName = 'thirdReviewer' | 'batch' | 'pilot'

function renderAllocation(c: Context<ReviewEnv>, failed?: { form: FormName; state: FormState; status: RefusalStatus }) {
  const { db } = c.get('deps')
  const review = c.get('review')
  const screeners = listMembers(db, review.id).filter((member) => roleAtLeast(member.role, 'reviewer'))
  const assigned = {
    title_abstract: assignmentCounts(db, review.id, 'title_abstract'),
    full_text: assignmentCounts(db, review.id, 'full_text'),
  }
  const pilotSize = pilotRecordIds(db, review.id).length
  const formState = (name: FormName, values: FormValues): FormState =>
    failed?.form === name ? failed.state : { values, errors: {} }
  return c.render(
    <AllocationPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'screening')}
      links={{
        reviewBase: reviewPath(c),
        stage: 'title_abstract',
        current: 'allocation',
        conflicts: 0,
        seesConflicts: true,
        isOwner: true,
      }}
      base={reviewPath(c, '/screening/allocation')}
      allocation={review.screeningAllocation}
      screeners={screeners.map((member) => ({
        userId: member.userId,
        name: member.name,
        assigned: {
          title_abstract: assigned.title_abstract.get(member.userId) ?? 0,
          full_text: assigned.full_text.get(member.userId) ?? 0,
        },
      }))}
      thirdReviewerId={review.thirdReviewerId}
      pilot={{ active: review.pilotActive, size: pilotSize, screenedBy: pilotVotesBy(db, review.id, screeners) }}
      forms={{
        thirdReviewer: formState('thirdReviewer', {
          userId: review.thirdReviewerId === null ? '' : String(review.thirdReviewerId),
        }),
        batch: formState('batch', { stage: 'title_abstract', size: '100' }),
        pilot: formState('pilot', { size: '50' }),
      }}
    />,
    { status: failed?.status ?? 200 },
  )
}

screeningAllocationRoutes.get('/allocation', requireRole('owner'), (c) => renderAllocation(c))

/** One of the owner's forms: refused, the page again with the message at that form; done, back with the flash. */
function ownerAction<S extends z.ZodType>(
  c: Context<ReviewEnv>,
  form: FormName,
  schema: S,
  action: (value: z.output<S>) => string,
) {
  return submitForm(c, schema, refusedAt(c, form), (value) =>
    afterChange(c, action(value), reviewPath(c, '/screening/allocation')),
  )
}

/** The field of each form that carries a refusal about the state of things (the page has no summary). */
const MAIN_FIELD: Record<FormName, string> = { thirdReviewer: 'userId', batch: 'size', pilot: 'size' }

const refusedAt = (c: Context<ReviewEnv>, form: FormName) => (state: FormState, status: RefusalStatus) => {
  const { _form: message, ...errors } = state.errors
  const shown = message === undefined ? state : { ...state, errors: { ...errors, [MAIN_FIELD[form]]: message } }
  return renderAllocation(c, { form, state: shown, status })
}

screeningAllocationRoutes.post('/allocation/third-reviewer', requireRole('owner'), (c) =>
  ownerAction(c, 'thirdReviewer', thirdReviewerInput, ({ userId }) => {
    setThirdReviewer(c.get('deps').db, c.get('review').id, userId, c.get('user').id)
    return userId === null ? 'Only owners resolve conflicts now.' : 'Third reviewer saved.'
  }),
)

screeningAllocationRoutes.post('/allocation/batches', requireRole('owner'), (c) =>
  ownerAction(c, 'batch', batchInput, (input) => {
    const { db, now } = c.get('deps')
    const assigned = assignBatch(db, {
      review: c.get('review'),
      stage: input.stage,
      reviewerId: input.userId,
      size: input.size,
      assignedBy: c.get('user').id,
      at: now(),
    })
    return `Assigned ${assigned.toLocaleString('en')} records.`
  }),
)

screeningAllocationRoutes.post('/allocation/pilot', requireRole('owner'), (c) =>
  ownerAction(c, 'pilot', pilotInput, ({ size }) => {
    const sample = startPilot(c.get('deps').db, {
      review: c.get('review'),
      size,
      seed: randomInt(2 ** 31),
      by: c.get('user').id,
    })
    return `Pilot round started with ${sample.length} records; everyone screens them first.`
  }),
)

screeningAllocationRoutes.post('/allocation/pilot/end', requireRole('owner'), (c) =>
  attempt({}, refusedAt(c, 'pilot'), () => {
    endPilot(c.get('deps').db, c.get('review'), c.get('user').id)
    return afterChange(c, 'Pilot ended: full screening has started.', reviewPath(c, '/screening/allocation'))
  }),
)
