import { authorLine } from '../../src/domain/text/author-line.ts'
import type { ScreeningCard as Card, CardVote, ScreeningProgress } from '../../src/domain/screening/card.ts'
import { SCREENING_VERDICTS, type ScreeningStage } from '../../src/domain/vocabulary.ts'
import { OUTCOME_LABELS, VERDICT_DONE, VERDICT_LABELS } from './labels.ts'
import { Highlighted, type TermHighlighter } from './highlighted.tsx'
import { RelevanceLine } from './relevance.tsx'
import { doiUrl } from '../components/doi.ts'
import { ConfirmFields } from '../components/forms.tsx'
import { BesideFullText } from '../components/full-text-pane.tsx'
import { RecordLabels, type RecordLabelsProps } from './record-labels.tsx'
import type { RelevanceNote } from '../../src/domain/ranking/index.ts'
import { SwapForm } from '../components/swap-form.tsx'
import { LabelOptions } from '../components/label-options.tsx'

export const SCREENING_ID = 'screening'

export interface ScreeningPanelProps {
  /** /reviews/:slug/screening/:stage */
  base: string
  stage: ScreeningStage
  csrf: () => string
  card: Card | null
  /** Null in the answer to a vote: the bars then load in a request of their own, so the vote stays fast. */
  progress: ScreeningProgress | null
  canVote: boolean
  /** What the last action did, or why it was refused; shown above the card. */
  notice?: { text: string; refused: boolean } | undefined
  /** Offer "Undo" for the viewer's last vote at this stage. */
  canUndo: boolean
  /** The record of the viewer's latest vote at this stage, if any. */
  lastVotedId: number | null
  previousId: number | null
  nextId: number | null
  reasons: { id: number; label: string }[]
  highlight: TermHighlighter
  /** True when the card shows the next record of the viewer's queue (not one they navigated to). */
  fromQueue: boolean
  pilot: boolean
  isResolver: boolean
  isOwner: boolean
  /** The record's relevance and the stopping guidance, when the queue is ranked by relevance. */
  relevance?: RelevanceNote | null
  /** The record's labels (shared, not votes), and whether the viewer may change them. */
  labels?: RecordLabelsProps | null
}

/**
 * The screening panel: progress, the record, the vote form and the keys. The same component renders
 * inside the full page and alone as the fragment htmx swaps in after each vote.
 */
export function ScreeningPanel(props: ScreeningPanelProps) {
  return (
    <section id={SCREENING_ID} class='screening' data-screening-keys aria-label='Screening'>
      {props.progress ? (
        <ProgressBars progress={props.progress} />
      ) : (
        <div class='progress-bars' hx-get={`${props.base}/progress`} hx-trigger='load' hx-swap='outerHTML'>
          <a href={props.base}>Progress</a>
        </div>
      )}
      {props.notice ? (
        // A refusal is an alert; any other notice is read out through the page's live region
        // (ScreeningAnnouncer), which weft.js fills after each swap.
        <div
          class={props.notice.refused ? 'notice refused' : 'notice'}
          role={props.notice.refused ? 'alert' : undefined}
          data-announce={props.notice.refused ? undefined : ''}
        >
          <span>{props.notice.text}</span>
          {props.canUndo && !props.notice.refused ? <UndoForm {...props} /> : null}
        </div>
      ) : props.canUndo ? (
        <div class='notice quiet'>
          <UndoForm {...props} />
        </div>
      ) : null}
      {props.card ? (
        <BesideFullText
          slug={reviewSlug(props.base)}
          file={
            props.stage === 'full_text' && props.card.hasFullText
              ? { recordId: props.card.record.id, fileName: null }
              : null
          }
        >
          <RecordCard {...props} card={props.card} />
        </BesideFullText>
      ) : (
        <NothingWaiting {...props} />
      )}
      <KeyboardHelp />
    </section>
  )
}

/** The review's short name in a stage base such as /reviews/link-workers/screening/full-text. */
function reviewSlug(base: string): string {
  return base.split('/')[2] ?? ''
}

export function ProgressBars({ progress }: { progress: ScreeningProgress }) {
  const { total } = progress
  return (
    <div class='progress-bars'>
      <label>
        Mine: {progress.mine.toLocaleString('en')} of {total.toLocaleString('en')} screened
        <progress max={Math.max(total, 1)} value={progress.mine} />
      </label>
      <label>
        Team: {progress.decided.toLocaleString('en')} of {total.toLocaleString('en')} decided
        {progress.conflicts > 0 ? `, ${progress.conflicts.toLocaleString('en')} in conflict` : ''}
        <progress max={Math.max(total, 1)} value={progress.decided} />
      </label>
    </div>
  )
}

function UndoForm(props: ScreeningPanelProps) {
  return (
    <SwapForm action={`${props.base}/undo`} swap={SCREENING_ID} csrf={props.csrf} class='inline'>
      <button type='submit' class='link' data-key='u' aria-keyshortcuts='u'>
        Undo my last vote
      </button>
    </SwapForm>
  )
}

function NothingWaiting(props: ScreeningPanelProps) {
  return (
    <div class='screening-empty'>
      <h2>{props.pilot ? 'You have screened every pilot record' : 'Nothing is waiting for your vote'}</h2>
      <p>
        {props.pilot
          ? 'Full screening starts when an owner ends the pilot round.'
          : 'Every record of this stage has your vote or the votes it needs. Records in conflict wait for a resolver.'}
      </p>
      <p>
        {props.lastVotedId !== null ? (
          <>
            <a href={`${props.base}/records/${props.lastVotedId}`} data-key='k' aria-keyshortcuts='k'>
              ← The last record I screened
            </a>{' '}
            ·{' '}
          </>
        ) : null}
        <a href={`${props.base}/list`}>See all records of this stage</a>
      </p>
    </div>
  )
}

function RecordCard(props: ScreeningPanelProps & { card: Card }) {
  const { card } = props
  const { record } = card
  return (
    <article class='screening-card' aria-labelledby='record-title'>
      <header>
        <p class='muted'>
          Record {record.id} · {record.source}
          {card.inPilot ? ' · pilot sample' : ''}
        </p>
        {props.relevance ? <RelevanceLine note={props.relevance} /> : null}
        <h2 id='record-title'>
          <Highlighted text={record.title ?? '(no title)'} highlight={props.highlight} />
        </h2>
        <CitationMeta record={record} />
      </header>
      <div class='abstract'>
        {record.abstract ? (
          <Highlighted text={record.abstract} highlight={props.highlight} />
        ) : (
          <p class='muted'>No abstract.</p>
        )}
      </div>
      {record.keywords.length > 0 ? (
        <p class='keywords'>
          <strong>Keywords:</strong> <Highlighted text={record.keywords.join('; ')} highlight={props.highlight} />
        </p>
      ) : null}
      {props.labels ? <RecordLabels {...props.labels} /> : null}
      <Votes card={card} />
      {props.canVote ? <VoteForm {...props} /> : null}
      <Settle {...props} />
      <nav class='record-nav' aria-label='Move between records'>
        {props.previousId ? (
          <a href={`${props.base}/records/${props.previousId}`} rel='prev' data-key='k' aria-keyshortcuts='k'>
            ← Previous record
          </a>
        ) : null}
        {props.nextId ? (
          <a href={`${props.base}/records/${props.nextId}`} rel='next' data-key='j' aria-keyshortcuts='j'>
            Next record →
          </a>
        ) : null}
        {!props.fromQueue ? <a href={props.base}>Back to my queue</a> : null}
      </nav>
    </article>
  )
}

/** Authors (year) journal · DOI · PMID under a record's title, on the card and the conflicts page. */
export function CitationMeta({ record }: { record: Card['record'] }) {
  return (
    <p class='citation-meta'>
      {record.authors.length > 0 ? <span>{authorLine(record.authors, 6)}</span> : null}
      {record.year ? <span> ({record.year})</span> : null}
      {record.journal ? <em> {record.journal}</em> : null}
      {record.doi ? (
        <span>
          {' '}
          · <a href={doiUrl(record.doi)}>doi:{record.doi}</a>
        </span>
      ) : null}
      {record.pmid ? <span> · PMID {record.pmid}</span> : null}
    </p>
  )
}

function Votes({ card }: { card: Card }) {
  return (
    <div class='votes'>
      <p>
        <strong>Status:</strong> {OUTCOME_LABELS[card.outcome.outcome]}
        {card.resolution?.kind === 'resolve'
          ? ` by a resolver${card.resolution.note ? `: “${card.resolution.note}”` : ''}`
          : ''}
      </p>
      {card.myVote ? (
        <p>
          <strong>Your vote:</strong> <VoteText vote={card.myVote} />
        </p>
      ) : null}
      {card.otherVotes ? (
        card.otherVotes.map((vote) => (
          <p>
            <strong>{vote.reviewerName}:</strong> <VoteText vote={vote} />
          </p>
        ))
      ) : card.otherVoteCount > 0 ? (
        <p class='muted'>
          {card.otherVoteCount === 1
            ? 'One other reviewer has voted'
            : `${card.otherVoteCount} other reviewers have voted`}{' '}
          (hidden: blind screening).
        </p>
      ) : null}
    </div>
  )
}

function VoteText({ vote }: { vote: CardVote }) {
  return (
    <span class={`verdict verdict-${vote.verdict}`}>
      {VERDICT_DONE[vote.verdict]}
      {vote.reason ? ` — ${vote.reason}` : ''}
      {vote.note ? <span class='muted'> (“{vote.note}”)</span> : null}
    </span>
  )
}

function VoteForm(props: ScreeningPanelProps & { card: Card }) {
  const action = `${props.base}/records/${props.card.record.id}/vote`
  const current = props.card.myVote
  return (
    <SwapForm action={action} swap={SCREENING_ID} csrf={props.csrf} class='vote-form'>
      {props.fromQueue ? null : <input type='hidden' name='stay' value='1' />}
      {props.stage === 'full_text' ? (
        <p>
          <label for='field-reasonId'>Reason (needed to exclude)</label>{' '}
          <select id='field-reasonId' name='reasonId'>
            <option value=''>—</option>
            <LabelOptions rows={props.reasons} selected={current?.reasonId} />
          </select>
        </p>
      ) : null}
      <p>
        <label for='field-note'>Note (optional)</label>
        <textarea id='field-note' name='note' rows={1} maxlength={2000}>
          {current?.note ?? ''}
        </textarea>
      </p>
      <p class='vote-buttons'>
        {SCREENING_VERDICTS.map((verdict) => (
          <button
            type='submit'
            name='verdict'
            value={verdict}
            class={`vote vote-${verdict}`}
            data-key={verdict[0]}
            aria-keyshortcuts={verdict[0]}
            aria-pressed={current?.verdict === verdict ? 'true' : undefined}
          >
            {VERDICT_LABELS[verdict]}
          </button>
        ))}
      </p>
    </SwapForm>
  )
}

function reopenQuestion(recordId: number): string {
  return `Reopen record ${recordId}? Its decision is set aside until its reviewers change a vote or a resolver decides again.`
}

/** What a resolver or owner can do besides voting: resolve a conflict, reopen a decided record. */
function Settle(props: ScreeningPanelProps & { card: Card }) {
  const { outcome } = props.card.outcome
  if (props.isResolver && (outcome === 'conflict' || outcome === 'reopened')) {
    return (
      <p>
        <a href={`${props.base}/conflicts#conflict-${props.card.record.id}`}>Resolve this conflict</a>
      </p>
    )
  }
  if (!props.isOwner || (outcome !== 'included' && outcome !== 'excluded')) return null
  const action = `${props.base}/records/${props.card.record.id}/reopen`
  return (
    <details class='reopen'>
      <summary>Reopen this record</summary>
      <form method='post' action={action} data-confirm={reopenQuestion(props.card.record.id)}>
        <input type='hidden' name='_csrf' value={props.csrf()} />
        <ConfirmFields question={reopenQuestion(props.card.record.id)} button='Reopen it' />
        <label for='field-reopen-note'>Why reopen it?</label>
        <textarea id='field-reopen-note' name='note' rows={2} maxlength={2000}></textarea>
        <button type='submit'>Reopen</button>
      </form>
    </details>
  )
}

/**
 * The page's live region for screening notices. It stays in place while htmx swaps the panel under it, so
 * a screen reader reads each new notice ("Included: record 12.") instead of missing a region that arrived
 * with its text.
 */
export function ScreeningAnnouncer({ text }: { text?: string | undefined }) {
  return (
    <p id='screening-announcer' class='visually-hidden' aria-live='polite' aria-atomic='true'>
      {text ?? ''}
    </p>
  )
}

function KeyboardHelp() {
  return (
    <details class='keyboard-help' data-key-help>
      <summary>Keyboard shortcuts (?)</summary>
      <dl>
        <dt>i</dt>
        <dd>Include</dd>
        <dt>e</dt>
        <dd>Exclude</dd>
        <dt>m</dt>
        <dd>Maybe</dd>
        <dt>u</dt>
        <dd>Undo my last vote</dd>
        <dt>j / k</dt>
        <dd>Next / previous record</dd>
        <dt>?</dt>
        <dd>Show or hide these keys</dd>
        <dt>Esc</dt>
        <dd>Hide these keys</dd>
      </dl>
    </details>
  )
}
