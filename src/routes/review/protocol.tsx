import { Hono } from 'hono'
import type { Review } from '../../../db/schema.ts'
import type { FormState } from '../../../views/components/forms.tsx'
import { EditProtocolPage, ProtocolPage } from '../../../views/reviews/protocol.tsx'
import { roleAtLeast } from '../../domain/vocabulary.ts'
import { reviewInput } from '../../input/review-input.ts'
import { afterChange, submitForm } from '../../http/form-action.ts'
import type { ReviewEnv } from '../../http/env.ts'
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

protocolRoutes.post('/', requireRole('owner'), (c) => {
  const review = c.get('review')
  return submitForm(
    c,
    reviewInput,
    (form, status) =>
      c.render(
        <EditProtocolPage page={pageContext(c.var)} nav={reviewNav(c, 'protocol')} slug={review.slug} form={form} />,
        { status },
      ),
    (input) => {
      const saved = updateReview(c.get('deps').db, review.id, input, c.get('user').id)
      return afterChange(c, 'Protocol saved.', `/reviews/${saved.slug}/protocol`)
    },
  )
})
