import { DedupReportView } from './batch-summary.tsx'

/** Where deduplication of a review stands, as the import pages and the duplicates queue show it. */
export type DedupStatus =
  | {
      state: 'running'
      phase: 'starting' | 'reading' | 'comparing' | 'saving'
      percent: number
      /** How many of the phase's records are done (reading). */
      counted?: { done: number; total: number } | undefined
    }
  /** Some imports are not deduplicated and nothing runs (the server restarted mid-run, or a run failed). */
  | { state: 'waiting'; failure: string | null }
  | {
      state: 'done'
      report: { candidates: number; merged_auto: number; pending: number } | null
      /** When the run reported was written. */
      runAt: Date | null
    }

const PHASE_TEXT = {
  starting: 'Starting',
  reading: 'Reading records',
  comparing: 'Comparing records',
  saving: 'Saving the result',
} as const

function phaseText(status: Extract<DedupStatus, { state: 'running' }>): string {
  const counted = status.counted
  if (!counted) return `${PHASE_TEXT[status.phase]}…`
  return `${PHASE_TEXT[status.phase]}: ${counted.done.toLocaleString('en')} of ${counted.total.toLocaleString('en')}…`
}

export const DEDUP_STATUS_ID = 'dedup-status'

/**
 * The state of deduplication. While it runs, htmx asks for this partial again every second (an answer
 * without the polling attributes ends the polling); without JavaScript the refresh link does the same.
 */
export function DedupStatusView(props: {
  status: DedupStatus
  base: string
  csrf: () => string
  canRun: boolean
  hideDone?: boolean
  /** What the running status asks for again (the review's status by default; an import page asks for its own). */
  poll?: string
}) {
  const { status, base } = props
  if (status.state === 'running') {
    return (
      <section
        id={DEDUP_STATUS_ID}
        class='notice dedup-status'
        role='status'
        hx-get={props.poll ?? `${base}/imports/deduplication`}
        hx-trigger='every 1s'
        hx-swap='outerHTML'
      >
        <p>
          Deduplication is running: <span data-dedup='phase'>{phaseText(status)}</span>{' '}
          <span data-dedup='percent'>{status.percent}%</span>. New records join the duplicates queue when it is done.
        </p>
        <progress max={100} value={status.percent} aria-label='Deduplication progress'></progress>{' '}
        <a href=''>Refresh</a>
      </section>
    )
  }
  if (status.state === 'waiting') {
    return (
      <section id={DEDUP_STATUS_ID} class='notice dedup-status'>
        <p>
          {status.failure ? `Deduplication stopped: ${status.failure} ` : ''}
          Some imports have not been compared with the rest of the review yet.
        </p>
        {props.canRun ? (
          <form method='post' action={`${base}/imports/deduplication`}>
            <input type='hidden' name='_csrf' value={props.csrf()} />
            <button type='submit'>Run deduplication now</button>
          </form>
        ) : null}
      </section>
    )
  }
  if (status.report === null || props.hideDone) return <div id={DEDUP_STATUS_ID}></div>
  return (
    <div id={DEDUP_STATUS_ID}>
      <DedupReportView report={status.report} base={base} runAt={status.runAt} />
    </div>
  )
}
