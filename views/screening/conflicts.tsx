import type { ScreeningCard } from '../../src/domain/screening/card.ts'
import type { ScreeningStage } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { OUTCOME_LABELS, STAGE_TITLES, VERDICT_DONE } from './labels.ts'
import { StageLinks, type StageLinksProps } from './stage-links.tsx'

export interface ConflictQueueProps {
  page: PageContext
  nav: ReviewNav
  links: StageLinksProps
  stage: ScreeningStage
  base: string
  cards: ScreeningCard[]
  total: number
  nextAfter: number | null
  reasons: { id: number; label: string }[]
}

/** Records the reviewers disagree on (or an owner reopened), each with the votes and a form for the final verdict. */
export function ConflictQueuePage(props: ConflictQueueProps) {
  return (
    <Layout page={props.page} title={`Conflicts · ${STAGE_TITLES[props.stage]}`} review={props.nav}>
      <h1>Conflicts — {STAGE_TITLES[props.stage].toLowerCase()}</h1>
      <StageLinks {...props.links} />
      <p>
        {props.total === 0
          ? 'No record is waiting for a resolver.'
          : `${props.total.toLocaleString('en')} ${props.total === 1 ? 'record waits' : 'records wait'} for a final verdict.`}
      </p>
      {props.cards.map((card) => (
        <ConflictCard {...props} card={card} />
      ))}
      {props.nextAfter !== null ? (
        <p>
          <a href={`${props.base}/conflicts?after=${props.nextAfter}`}>More conflicts →</a>
        </p>
      ) : null}
    </Layout>
  )
}

function ConflictCard(props: ConflictQueueProps & { card: ScreeningCard }) {
  const { card } = props
  const action = `${props.base}/records/${card.record.id}/resolve`
  return (
    <article
      class='conflict-card'
      id={`conflict-${card.record.id}`}
      aria-labelledby={`conflict-title-${card.record.id}`}
    >
      <h2 id={`conflict-title-${card.record.id}`}>
        <a href={`${props.base}/records/${card.record.id}`}>{card.record.title ?? '(no title)'}</a>
      </h2>
      <p class='muted'>
        Record {card.record.id} · {card.record.source} · {OUTCOME_LABELS[card.outcome.outcome]}
      </p>
      <ul class='conflict-votes'>
        {(card.myVote ? [card.myVote, ...(card.otherVotes ?? [])] : (card.otherVotes ?? [])).map((vote) => (
          <li>
            <strong>{vote.reviewerName}</strong>: {VERDICT_DONE[vote.verdict]}
            {vote.reason ? ` — ${vote.reason}` : ''}
            {vote.note ? ` (“${vote.note}”)` : ''}
          </li>
        ))}
      </ul>
      <form method='post' action={action} class='resolve-form'>
        <input type='hidden' name='_csrf' value={props.page.csrf()} />
        {props.stage === 'full_text' ? (
          <p>
            <label for={`reason-${card.record.id}`}>Reason (needed to exclude)</label>{' '}
            <select id={`reason-${card.record.id}`} name='reasonId'>
              <option value=''>—</option>
              {props.reasons.map((reason) => (
                <option value={String(reason.id)}>{reason.label}</option>
              ))}
            </select>
          </p>
        ) : null}
        <p>
          <label for={`note-${card.record.id}`}>Note on the resolution</label>
          <textarea id={`note-${card.record.id}`} name='note' rows={2} maxlength={2000}></textarea>
        </p>
        <p>
          <button type='submit' name='verdict' value='include'>
            Resolve as include
          </button>{' '}
          <button type='submit' name='verdict' value='exclude'>
            Resolve as exclude
          </button>
        </p>
      </form>
    </article>
  )
}
