import type { Review } from '../../db/schema.ts'
import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'

export function ReviewListPage(props: { page: PageContext; reviews: (Review & { role: string })[] }) {
  return (
    <Layout page={props.page} title='Your reviews'>
      <div class='page-heading'>
        <h1>Your reviews</h1>
        <a class='button' href='/reviews/new'>
          New review
        </a>
      </div>
      {props.reviews.length === 0 ? (
        <p class='empty'>You are not a member of any review yet. Create one, or ask an owner to add you.</p>
      ) : (
        <ul class='review-list'>
          {props.reviews.map((review) => (
            <li>
              <a href={`/reviews/${review.slug}`}>{review.title}</a>
              <span class='role'>{review.role}</span>
              {review.registrationId ? <span class='muted'> · {review.registrationId}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
