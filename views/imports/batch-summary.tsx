import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import { skipsTitleAbstract, type SourceKind } from '../../src/domain/vocabulary.ts'
import { formatLabel, plural } from './labels.ts'

/** A problem the parser reported, named by where it is in the file. */
export interface Problem {
  line: number
  record?: number
  message: string
}

/** What the summary of one import shows (an import batch with its source and importer's names). */
export interface BatchView {
  id: number
  fileName: string
  sourceName: string
  sourceKind: SourceKind
  format: string
  encoding: string
  sizeBytes: number
  recordsRead: number
  recordsFlagged: number
  issues: Problem[]
  importedByName: string | null
  createdAt: Date
}

/** The most problems a page lists; the rest are counted. */
export const PROBLEMS_SHOWN = 200

export function ProblemList({ problems, id }: { problems: Problem[]; id?: string }) {
  if (problems.length === 0) return null
  const shown = problems.slice(0, PROBLEMS_SHOWN)
  return (
    <>
      <ol class='problems' id={id}>
        {shown.map((problem) => (
          <li>
            <strong>
              Line {problem.line.toLocaleString('en')}
              {problem.record !== undefined ? ` (record ${problem.record.toLocaleString('en')})` : ''}:
            </strong>{' '}
            {problem.message}
          </li>
        ))}
      </ol>
      {problems.length > shown.length ? (
        <p class='muted'>…and {plural(problems.length - shown.length, 'more problem')} not listed here.</p>
      ) : null}
    </>
  )
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/**
 * The import summary: the keys of `weft import --json` ({format, read, imported, flagged, errors,
 * batch}) in the reviewer's words, each in an element with a data-summary attribute.
 */
export function BatchFacts({ batch, base }: { batch: BatchView; base: string }) {
  return (
    <dl class='facts import-summary' id={`batch-${batch.id}`}>
      <dt>Batch</dt>
      <dd data-summary='batch'>
        <a href={`${base}/imports/${batch.id}`}>{batch.id}</a>
      </dd>
      <dt>File</dt>
      <dd>
        {batch.fileName} <span class='muted'>({megabytes(batch.sizeBytes)})</span>
      </dd>
      <dt>Source</dt>
      <dd>
        {batch.sourceName}
        {skipsTitleAbstract(batch.sourceKind) ? (
          <span class='muted'>
            {' '}
            (other methods: its records go straight to retrieval, without title/abstract screening)
          </span>
        ) : null}
      </dd>
      <dt>Format</dt>
      <dd data-summary='format'>{formatLabel(batch.format)}</dd>
      <dt>Encoding</dt>
      <dd>{batch.encoding}</dd>
      <dt>Records read</dt>
      <dd data-summary='read'>{batch.recordsRead.toLocaleString('en')}</dd>
      <dt>Imported</dt>
      <dd data-summary='imported'>{batch.recordsRead.toLocaleString('en')}</dd>
      <dt>Flagged</dt>
      <dd>
        <span data-summary='flagged'>{batch.recordsFlagged.toLocaleString('en')}</span>
        {batch.recordsFlagged > 0 ? <span class='muted'> (imported, but without a title: check them)</span> : null}
      </dd>
      <dt>Problems reported</dt>
      <dd data-summary='errors'>{batch.issues.length.toLocaleString('en')}</dd>
      <dt>Imported by</dt>
      <dd>
        {batch.importedByName ?? 'command line'},{' '}
        <time datetime={batch.createdAt.toISOString()}>{formatTimestamp(batch.createdAt)} UTC</time>
      </dd>
    </dl>
  )
}

/** One import as shown right after it happened: its facts and the problems in the file. */
export function BatchSummary({ batch, base }: { batch: BatchView; base: string }) {
  return (
    <section class='import-result imported'>
      <h2>
        {batch.fileName}: {plural(batch.recordsRead, 'record')} imported
      </h2>
      <BatchFacts batch={batch} base={base} />
      {batch.issues.length > 0 ? (
        <details>
          <summary>{plural(batch.issues.length, 'problem')} in the file (the records were imported)</summary>
          <ProblemList problems={batch.issues} />
        </details>
      ) : null}
    </section>
  )
}

/** What deduplication did after the import, with the way to the reviewer's queue. */
export function DedupReportView(props: {
  report: { candidates: number; merged_auto: number; pending: number }
  base: string
  runAt?: Date | null
}) {
  const { report } = props
  return (
    <section class='dedup-report notice' id='dedup-report'>
      <h2>Duplicates</h2>
      <p>
        Deduplication
        {props.runAt ? (
          <>
            {' '}
            (<time datetime={props.runAt.toISOString()}>{formatTimestamp(props.runAt)} UTC</time>)
          </>
        ) : null}{' '}
        compared the new records with each other and with earlier imports:{' '}
        <span data-dedup='candidates'>{plural(report.candidates, 'candidate pair')}</span>,{' '}
        <span data-dedup='merged_auto'>{report.merged_auto.toLocaleString('en')} merged automatically</span>.
        {/* The queue is the review's, earlier imports' pairs included: not this run's own figure. */} In the review,{' '}
        <span data-dedup='pending'>{plural(report.pending, 'possible duplicate pair')}</span>{' '}
        {report.pending === 1 ? 'waits' : 'wait'} for a reviewer.
      </p>
      <p>
        <a href={`${props.base}/duplicates`}>Review the duplicates queue</a>
      </p>
    </section>
  )
}
