import { Hono } from 'hono'
import type { Review } from '../../../db/schema.ts'
import type { FormState } from '../../../views/components/forms.tsx'
import { EditProtocolPage, ProtocolPage } from '../../../views/reviews/protocol.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { formValues, validate } from '../../input/form.ts'
import { reviewInput } from '../../input/review-input.ts'
import type { ReviewEnv } from '../../http/env.ts'
import { setFlash } from '../../http/flash.ts'
import { conflictAsFormState } from '../../http/form-state.ts'
import { pageContext } from '../../http/page-context.ts'
import { requireRole } from '../../http/review-access.ts'
import { updateReview } from '../../store/reviews.ts'
import { reviewNav } from './nav.ts'

export const protocolRoutes = new Hono<ReviewEnv>()

/** The stored review as the form shows it (every field a string, as a browser would send it). */
function protocolFormValues(review: Review): FormState {
  const { id: _id, createdAt: _c, updatedAt: _u, thirdReviewerId: _t, pilotActive: _p, ...rest } = review
  const { reviewersPerRecord, blindScreening, maybeIsConflict, previousStudies, previousReports, ...text } = rest
  return {
    values: {
      ...text,
      reviewersPerRecord: String(reviewersPerRecord),
      blindScreening: blindScreening ? 'on' : '',
      maybeIsConflict: maybeIsConflict ? 'on' : '',
      previousStudies: String(previousStudies),
      previousReports: String(previousReports),
    },
    errors: {},
  }
}

protocolRoutes.get('/', (c) =>
  c.render(
    <ProtocolPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'protocol')}
      review={c.get('review')}
      canEdit={roleAtLeast(c.get('role'), 'owner')}
    />,
  ),
)

protocolRoutes.get('/edit', requireRole('owner'), (c) => {
  const review = c.get('review')
  return c.render(
    <EditProtocolPage
      page={pageContext(c.var)}
      nav={reviewNav(c, 'protocol')}
      slug={review.slug}
      form={protocolFormValues(review)}
    />,
  )
})

protocolRoutes.post('/', requireRole('owner'), async (c) => {
  const review = c.get('review')
  const values = formValues(await c.req.parseBody())
  const input = validate(reviewInput, values)
  const renderForm = (form: FormState) =>
    c.render(
      <EditProtocolPage page={pageContext(c.var)} nav={reviewNav(c, 'protocol')} slug={review.slug} form={form} />,
      { status: 422 },
    )
  if (!input.ok) return renderForm(input)
  try {
    const saved = updateReview(c.get('deps').db, review.id, input.value, c.get('user').id)
    setFlash(c, 'Protocol saved.')
    return c.redirect(`/reviews/${saved.slug}/protocol`, 303)
  } catch (error) {
    return renderForm(conflictAsFormState(error, values))
  }
})
