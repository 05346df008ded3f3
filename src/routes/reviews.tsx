import { emptyForm, type FormState } from '../../views/components/forms.tsx'
import { NewReviewPage } from '../../views/reviews/new-review.tsx'
import { ReviewListPage } from '../../views/reviews/review-list.tsx'
import { DEFAULT_PRISMA_TEMPLATE } from '../domain/vocabulary.ts'
import { reviewInput } from '../input/review-input.ts'
import { afterChange, submitForm } from '../http/form-action.ts'
import { pageContext } from '../http/page-context.ts'
import { signedInRoutes } from '../http/session.ts'
import { reviewStanding } from '../store/review-progress.ts'
import { createReview, listReviewsForUser } from '../store/reviews.ts'

/** The reviews a person belongs to, and creating a new one (whoever creates it owns it). */
export const reviewsRoutes = signedInRoutes()

const NEW_REVIEW_DEFAULTS: FormState = {
  ...emptyForm,
  values: {
    prismaTemplate: DEFAULT_PRISMA_TEMPLATE,
    reviewersPerRecord: '2',
    blindScreening: 'on',
    maybeIsConflict: 'on',
  },
}

reviewsRoutes.get('/', (c) => {
  const { db } = c.get('deps')
  const userId = c.get('user').id
  const reviews = listReviewsForUser(db, userId).map((review) => ({
    ...review,
    ...reviewStanding(db, review, userId, review.role),
  }))
  return c.render(<ReviewListPage page={pageContext(c.var)} reviews={reviews} />)
})

reviewsRoutes.get('/new', (c) => c.render(<NewReviewPage page={pageContext(c.var)} form={NEW_REVIEW_DEFAULTS} />))

reviewsRoutes.post('/', (c) =>
  submitForm(
    c,
    reviewInput,
    (form, status) => c.render(<NewReviewPage page={pageContext(c.var)} form={form} />, { status }),
    (input) => {
      const userId = c.get('user').id
      const review = createReview(c.get('deps').db, input, { ownerId: userId, actorId: userId })
      return afterChange(
        c,
        `Review “${review.title}” created. Next: record your searches in the search log.`,
        `/reviews/${review.slug}`,
      )
    },
  ),
)
