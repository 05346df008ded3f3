import { authorLine } from '../../src/domain/text/author-line.ts'
import type { FlaggedRecord } from '../../src/domain/import-outcome.ts'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { BatchFacts, ProblemList, type BatchView } from './batch-summary.tsx'
import { DedupStatusView, type DedupStatus } from './dedup-status.tsx'
import { plural } from './labels.ts'

export interface ImportBatchPageProps {
  page: PageContext
  nav: ReviewNav
  base: string
  batch: BatchView
  flagged: { shown: FlaggedRecord[]; total: number }
  pendingDuplicates: number
  dedup: DedupStatus
  canRunDedup: boolean
}

/** One import's summary, as often as it is asked for: what was read, flagged and wrong, and where. */
export function ImportBatchPage(props: ImportBatchPageProps) {
  const { batch, base, flagged } = props
  return (
    <Layout page={props.page} title={`Import ${batch.id}`} review={props.nav}>
      <h1>
        Import {batch.id}: {batch.fileName}
      </h1>
      <BatchFacts batch={batch} base={base} />
      <DedupStatusView
        status={props.dedup}
        base={base}
        csrf={props.page.csrf}
        canRun={props.canRunDedup}
        poll={`${base}/imports/${batch.id}/deduplication`}
      />
      <p>
        <a href={`${base}/duplicates`}>
          {props.pendingDuplicates > 0
            ? `${plural(props.pendingDuplicates, 'possible duplicate')} ${props.pendingDuplicates === 1 ? 'waits' : 'wait'} for a reviewer`
            : 'Duplicates queue'}
        </a>
      </p>
      <section>
        <h2>Flagged records</h2>
        {flagged.total === 0 ? (
          <p class='empty'>No record of this file was flagged.</p>
        ) : (
          <>
            <p>Imported, but a person has to look at them:</p>
            <table class='flagged-records'>
              <thead>
                <tr>
                  <th scope='col' class='number'>
                    Line
                  </th>
                  <th scope='col'>Why</th>
                  <th scope='col'>Authors</th>
                  <th scope='col'>Year</th>
                </tr>
              </thead>
              <tbody>
                {flagged.shown.map((record) => (
                  <tr>
                    <td class='number'>{record.line.toLocaleString('en')}</td>
                    <td>{record.flag}</td>
                    <td>{authorLine(record.authors, 3)}</td>
                    <td>{record.year ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {flagged.total > flagged.shown.length ? (
              <p class='muted'>…and {plural(flagged.total - flagged.shown.length, 'more flagged record')}.</p>
            ) : null}
          </>
        )}
      </section>
      <section>
        <h2>Problems in the file</h2>
        {batch.issues.length === 0 ? (
          <p class='empty'>The file was read without problems.</p>
        ) : (
          <>
            <p>The records were imported; these parts of the file could not be read as they stood.</p>
            <ProblemList problems={batch.issues} id='problems' />
          </>
        )}
      </section>
      <p>
        <a href={`${base}/imports`}>All imports</a>
      </p>
    </Layout>
  )
}
