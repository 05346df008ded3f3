import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import type { Child } from 'hono/jsx'
import type { CandidatePairView, DuplicateCounts } from '../../src/domain/dedup/candidate-pairs.ts'
import { DedupStatusView, type DedupStatus } from '../imports/dedup-status.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { PairComparison } from './pair-comparison.tsx'
import { SwapForm } from '../components/swap-form.tsx'

export const QUEUE_ID = 'duplicate-queue'

/** What the queue shows; the same props render the whole page and the fragment htmx swaps in. */
export interface DuplicateQueueProps {
  base: string
  csrf: () => string
  canDecide: boolean
  counts: DuplicateCounts
  /** The pair to decide now, or null when the queue is empty (or skipped past its end). */
  pair: CandidatePairView | null
  /** Position of `pair` in the queue, from 0. */
  at: number
  decided: CandidatePairView[]
  automatic: CandidatePairView[]
  /** What the last action did (htmx responses; full pages show it as the flash), or why it was refused. */
  notice?: { text: string; refused: boolean } | undefined
  /** A decision just made, offered for undo next to the notice. */
  undo?: CandidatePairView | undefined
}

/**
 * One decision button: a plain form post that works without JavaScript; with htmx it swaps the whole
 * queue for the server's answer (the next pair, the updated lists).
 */
function DecisionForm(props: { action: string; csrf: () => string; at?: number; class?: string; children: Child }) {
  return (
    <SwapForm action={props.action} swap={QUEUE_ID} csrf={props.csrf} class='inline'>
      {props.at ? <input type='hidden' name='at' value={String(props.at)} /> : null}
      <button type='submit' class={props.class}>
        {props.children}
      </button>
    </SwapForm>
  )
}

function shortTitle(title: string | null): string {
  if (!title) return '(no title)'
  return title.length > 90 ? `${title.slice(0, 89)}…` : title
}

function PairTitles({ pair }: { pair: CandidatePairView }) {
  return (
    <>
      <span>
        {pair.a.id}: {shortTitle(pair.a.title)} <span class='muted'>({pair.a.sourceName})</span>
      </span>
      <br />
      <span>
        {pair.b.id}: {shortTitle(pair.b.title)} <span class='muted'>({pair.b.sourceName})</span>
      </span>
    </>
  )
}

function Counts({ counts }: { counts: DuplicateCounts }) {
  return (
    <p class='duplicate-counts'>
      <strong>{counts.pending}</strong> {counts.pending === 1 ? 'pair waits' : 'pairs wait'} for a decision ·{' '}
      {counts.confirmed} marked duplicate · {counts.rejected} marked not duplicate · {counts.merged_automatically}{' '}
      merged automatically
    </p>
  )
}

function CurrentPair(props: DuplicateQueueProps & { pair: CandidatePairView }) {
  const { pair, base } = props
  const next = props.at + 1 < props.counts.pending ? `${base}?at=${props.at + 1}` : null
  return (
    <section class='current-pair' aria-labelledby='current-pair-heading'>
      <h2 id='current-pair-heading'>
        Pair {props.at + 1} of {props.counts.pending}
      </h2>
      <p>
        {pair.reason} <span class='muted'>(likeness {Math.round(pair.score * 100)}%)</span>
      </p>
      <PairComparison pair={pair} />
      {props.canDecide ? (
        <div class='decision-actions'>
          <DecisionForm action={`${base}/${pair.id}/duplicate`} csrf={props.csrf} at={props.at}>
            Duplicate
          </DecisionForm>{' '}
          <DecisionForm action={`${base}/${pair.id}/not-duplicate`} csrf={props.csrf} at={props.at} class='secondary'>
            Not duplicate
          </DecisionForm>{' '}
          {next ? <a href={next}>Skip for now</a> : null}
        </div>
      ) : (
        <p class='muted'>
          Viewers can read the queue; reviewers decide the pairs.{next ? ' ' : ''}
          {next ? <a href={next}>Next pair</a> : null}
        </p>
      )}
    </section>
  )
}

function DecidedList(props: DuplicateQueueProps) {
  if (props.decided.length === 0) return null
  return (
    <section aria-labelledby='decided-heading'>
      <h2 id='decided-heading'>Recently decided</h2>
      <PairTable
        {...props}
        class='decided-pairs'
        rowId='decided'
        pairs={props.decided}
        columns={[
          ['Decision', (pair) => (pair.status === 'confirmed' ? 'Duplicate' : 'Not duplicate')],
          [
            'By, when (UTC)',
            (pair) => (
              <>
                {pair.decidedByName ?? ''} {formatTimestamp(pair.decidedAt)}
              </>
            ),
          ],
        ]}
        action={{ heading: 'Undo', path: 'undo', label: 'Undo' }}
      />
    </section>
  )
}

function AutomaticList(props: DuplicateQueueProps) {
  if (props.automatic.length === 0) return null
  return (
    <section aria-labelledby='automatic-heading'>
      <h2 id='automatic-heading'>Merged automatically</h2>
      <p class='muted'>
        {props.automatic.length < props.counts.merged_automatically
          ? `The most recent ${props.automatic.length} of ${props.counts.merged_automatically} pairs`
          : props.automatic.length === 1
            ? 'The pair'
            : `The ${props.automatic.length} pairs`}{' '}
        deduplication was sure of. If one is wrong, “Not duplicate” splits the duplicate record off again.
      </p>
      <PairTable
        {...props}
        class='automatic-merges'
        rowId='automatic'
        pairs={props.automatic}
        columns={[['Why', (pair) => pair.reason]]}
        action={{ heading: 'Split', path: 'not-duplicate', label: 'Not duplicate' }}
      />
    </section>
  )
}

/** Pairs by their records' titles, then `columns`; for those who decide, one button a pair (undo, split). */
function PairTable(
  props: Pick<DuplicateQueueProps, 'base' | 'csrf' | 'canDecide'> & {
    class: string
    /** Each row's id is this and the pair's id ("decided-12"), for links and tests. */
    rowId: string
    pairs: CandidatePairView[]
    columns: readonly (readonly [heading: string, cell: (pair: CandidatePairView) => Child])[]
    action: { heading: string; path: string; label: string }
  },
) {
  return (
    <table class={props.class}>
      <thead>
        <tr>
          <th scope='col'>Records</th>
          {props.columns.map(([heading]) => (
            <th scope='col'>{heading}</th>
          ))}
          {props.canDecide ? (
            <th scope='col'>
              <span class='visually-hidden'>{props.action.heading}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {props.pairs.map((pair) => (
          <tr id={`${props.rowId}-${pair.id}`}>
            <td>
              <PairTitles pair={pair} />
            </td>
            {props.columns.map(([, cell]) => (
              <td>{cell(pair)}</td>
            ))}
            {props.canDecide ? (
              <td>
                <DecisionForm
                  action={`${props.base}/${pair.id}/${props.action.path}`}
                  csrf={props.csrf}
                  class='small secondary'
                >
                  {props.action.label}
                </DecisionForm>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Notice(props: DuplicateQueueProps) {
  const { notice, undo } = props
  if (!notice && !undo) return null
  return (
    <div class={notice?.refused ? 'notice' : 'flash'} role={notice?.refused ? 'alert' : 'status'}>
      {notice ? notice.text : null}
      {undo && props.canDecide ? (
        <>
          {' '}
          <DecisionForm action={`${props.base}/${undo.id}/undo`} csrf={props.csrf} class='small secondary'>
            Undo
          </DecisionForm>
        </>
      ) : null}
    </div>
  )
}

/** The queue: counts, the pair to decide now, recent decisions with undo, and automatic merges to split. */
export function DuplicateQueue(props: DuplicateQueueProps) {
  return (
    <div id={QUEUE_ID}>
      <Notice {...props} />
      <Counts counts={props.counts} />
      {props.pair ? (
        <CurrentPair {...props} pair={props.pair} />
      ) : (
        <p class='empty'>
          {props.counts.pending === 0 ? (
            'No pairs are waiting for a decision.'
          ) : (
            <>
              You skipped past the last waiting pair. <a href={props.base}>Back to the first</a>.
            </>
          )}
        </p>
      )}
      <DecidedList {...props} />
      <AutomaticList {...props} />
    </div>
  )
}

export function DuplicateQueuePage(
  props: DuplicateQueueProps & { page: PageContext; nav: ReviewNav; dedup: DedupStatus; reviewBase: string },
) {
  const { page, nav, dedup, reviewBase, ...queue } = props
  return (
    <Layout page={page} title='Duplicates' review={nav}>
      <h1>Duplicates</h1>
      <p>
        Pairs deduplication was unsure of, one at a time: the two records side by side, with the words one has and the
        other lacks marked. “Duplicate” keeps the more complete record as the primary and links the other to it; nothing
        is deleted, so each database’s count stays true.
      </p>
      {/* While deduplication runs, more pairs are on their way: the queue says so and follows its progress. */}
      <DedupStatusView status={dedup} base={reviewBase} csrf={page.csrf} canRun={queue.canDecide} hideDone />
      <DuplicateQueue {...queue} />
    </Layout>
  )
}
