import type { ScreeningCard } from '../../src/domain/screening/card.ts'
import type { ScreeningStage } from '../../src/domain/vocabulary.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { CitationMeta } from './card.tsx'
import { OUTCOME_LABELS, STAGE_TITLES, VERDICT_DONE } from './labels.ts'
import { StageLinks, type StageLinksProps } from './stage-links.tsx'
import { ColumnHeadings } from '../components/column-headings.tsx'
import { LabelOptions } from '../components/label-options.tsx'

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
  /** Owners and the third reviewer resolve; viewers read the queue without the forms. */
  canResolve: boolean
  /** A reviewer under blind screening: conflicts would tell them the other votes. */
  hiddenByBlinding: boolean
}

/** Records the reviewers disagree on (or an owner reopened), each with the votes and a form for the final verdict. */
export function ConflictQueuePage(props: ConflictQueueProps) {
  return (
    <Layout page={props.page} title={`Conflicts · ${STAGE_TITLES[props.stage]}`} review={props.nav}>
      <h1>Conflicts — {STAGE_TITLES[props.stage].toLowerCase()}</h1>
      <StageLinks {...props.links} />
      <p>
        {props.hiddenByBlinding
          ? 'Under blind screening, conflicts are shown to the owners, the third reviewer and viewers: they would tell you how others voted.'
          : props.total === 0
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
  const { record } = card
  return (
    <article class='conflict-card' id={`conflict-${record.id}`} aria-labelledby={`conflict-title-${record.id}`}>
      <div class='conflict-record'>
        <h2 id={`conflict-title-${record.id}`}>
          <a href={`${props.base}/records/${record.id}`}>{record.title ?? '(no title)'}</a>
        </h2>
        <p class='muted'>
          Record {record.id} · {record.source} · {OUTCOME_LABELS[card.outcome.outcome]}
        </p>
        <CitationMeta record={record} />
        {record.abstract ? <p class='abstract'>{record.abstract}</p> : <p class='muted'>No abstract.</p>}
        {record.keywords.length > 0 ? (
          <p class='keywords'>
            <strong>Keywords:</strong> {record.keywords.join('; ')}
          </p>
        ) : null}
      </div>
      <div class='conflict-decision'>
        <ConflictVotes card={card} />
        {props.canResolve ? <ResolveForm {...props} /> : null}
      </div>
    </article>
  )
}

/**
 * Every current vote on the record with its reason and note. The card holds other reviewers' votes only
 * when blinding lets this person see them (screening-card.ts, othersVotesVisible): resolvers do.
 */
function ConflictVotes({ card }: { card: ScreeningCard }) {
  const votes = [
    ...(card.myVote ? [{ ...card.myVote, reviewerName: `${card.myVote.reviewerName} (you)` }] : []),
    ...(card.otherVotes ?? []),
  ]
  return (
    <>
      <table class='conflict-votes'>
        <caption class='visually-hidden'>The votes on record {card.record.id}</caption>
        <ColumnHeadings headings={['Reviewer', 'Vote', 'Reason', 'Note']} />
        <tbody>
          {votes.map((vote) => (
            <tr>
              <th scope='row'>{vote.reviewerName}</th>
              <td class={`verdict verdict-${vote.verdict}`}>{VERDICT_DONE[vote.verdict]}</td>
              <td>{vote.reason ?? '—'}</td>
              <td class='prose'>{vote.note || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {card.otherVotes === null && card.otherVoteCount > 0 ? (
        <p class='muted'>Other reviewers’ votes stay hidden while screening is blind.</p>
      ) : null}
    </>
  )
}

function ResolveForm(props: ConflictQueueProps & { card: ScreeningCard }) {
  const { card } = props
  const action = `${props.base}/records/${card.record.id}/resolve`
  return (
    <form method='post' action={action} class='resolve-form'>
      <input type='hidden' name='_csrf' value={props.page.csrf()} />
      {props.stage === 'full_text' ? (
        <p>
          <label for={`reason-${card.record.id}`}>Reason (needed to exclude)</label>{' '}
          <select id={`reason-${card.record.id}`} name='reasonId'>
            <option value=''>—</option>
            <LabelOptions rows={props.reasons} />
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
  )
}
