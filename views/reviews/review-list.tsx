import type { Review } from '../../db/schema.ts'
import {
  STAGE_DESCRIPTIONS,
  STAGE_PROGRESS_WORDS,
  type PersonalTodo,
  type ReviewStage,
  type StageProgress,
} from '../../src/domain/review-stages.ts'
import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { todoSummary } from './todo.tsx'

export type ReviewListEntry = Review & {
  role: string
  /** The stage the team works through now, with how far it has got; null when every stage is done. */
  stage: ReviewStage | null
  count: number
  progress: StageProgress | undefined
  todo: PersonalTodo | null
}

function Standing({ review }: { review: ReviewListEntry }) {
  const { stage, progress } = review
  if (!stage) return <p class='review-standing'>Every stage has begun and none has work left.</p>
  const words = STAGE_PROGRESS_WORDS[stage]
  return (
    <p class='review-standing'>
      <span class='stage-name'>{STAGE_DESCRIPTIONS[stage].label}</span>:{' '}
      {progress && words && progress.of > 0 ? (
        <>
          {progress.done.toLocaleString('en')} of {progress.of.toLocaleString('en')} {words}
          <progress max={progress.of} value={progress.done} aria-hidden='true' />
        </>
      ) : review.count === 0 ? (
        'not begun'
      ) : (
        `${review.count.toLocaleString('en')} ${STAGE_DESCRIPTIONS[stage].counts}`
      )}
    </p>
  )
}

export function ReviewListPage(props: { page: PageContext; reviews: ReviewListEntry[] }) {
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
          {props.reviews.map((review) => {
            const todo = review.todo ? todoSummary(review.todo) : null
            return (
              <li>
                <a href={`/reviews/${review.slug}`}>{review.title}</a>
                <span class='role'>{review.role}</span>
                {review.registrationId ? <span class='muted'> · {review.registrationId}</span> : null}
                <Standing review={review} />
                {todo ? (
                  <p class='review-todo'>
                    <a href={`/reviews/${review.slug}`}>{todo}</a>
                  </p>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </Layout>
  )
}
