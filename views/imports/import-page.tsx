import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import { ErrorSummary, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { BatchSummary, type BatchView } from './batch-summary.tsx'
import { DedupStatusView, type DedupStatus } from './dedup-status.tsx'
import { formatLabel } from './labels.ts'
import { UploadForm, type SourceOption } from './upload-form.tsx'

export interface ImportPageProps {
  page: PageContext
  nav: ReviewNav
  base: string
  canImport: boolean
  sources: SourceOption[]
  form: FormState
  /** A fresh id for the next upload, so its page can follow it (see upload-progress.tsx). */
  uploadId: string
  batches: BatchView[]
  /** Batches an upload just created (after its redirect), shown in full at the top. */
  justImported: BatchView[]
  pendingDuplicates: number
  dedup: DedupStatus
}

function BatchTable({ batches, base }: { batches: BatchView[]; base: string }) {
  return (
    <table class='import-batches'>
      <thead>
        <tr>
          <th scope='col'>Batch</th>
          <th scope='col'>File</th>
          <th scope='col'>Source</th>
          <th scope='col'>Format</th>
          <th scope='col' class='number'>
            Records read
          </th>
          <th scope='col' class='number'>
            Flagged
          </th>
          <th scope='col' class='number'>
            Problems
          </th>
          <th scope='col'>Who</th>
          <th scope='col'>When (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((batch) => (
          <tr id={`batch-row-${batch.id}`}>
            <td>
              <a href={`${base}/imports/${batch.id}`}>{batch.id}</a>
            </td>
            <td>{batch.fileName}</td>
            <td>{batch.sourceName}</td>
            <td>{formatLabel(batch.format)}</td>
            <td class='number'>{batch.recordsRead.toLocaleString('en')}</td>
            <td class='number'>{batch.recordsFlagged.toLocaleString('en')}</td>
            <td class='number'>{batch.issues.length.toLocaleString('en')}</td>
            <td>{batch.importedByName ?? 'command line'}</td>
            <td>
              <time datetime={batch.createdAt.toISOString()}>{formatTimestamp(batch.createdAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The review's imports: what came in so far, and the upload form for reviewers and owners. */
export function ImportPage(props: ImportPageProps) {
  const { base } = props
  return (
    <Layout page={props.page} title='Import' review={props.nav}>
      <h1>Import</h1>
      {props.justImported.length > 0 ? (
        <section class='just-imported'>
          {props.justImported.map((batch) => (
            <BatchSummary batch={batch} base={base} />
          ))}
        </section>
      ) : null}
      <DedupStatusView status={props.dedup} base={base} csrf={props.page.csrf} canRun={props.canImport} />
      <p>
        The results of each search in the <a href={`${base}/sources`}>search log</a>, as exported from the database or
        reference manager. Deduplication runs after every import
        {props.pendingDuplicates > 0 ? (
          <>
            ; <a href={`${base}/duplicates`}>{props.pendingDuplicates.toLocaleString('en')} possible duplicates</a> wait
            for a reviewer
          </>
        ) : null}
        .
      </p>
      {props.canImport ? (
        <section class='upload-section'>
          <h2>Import files</h2>
          <ErrorSummary errors={props.form.errors} />
          <UploadForm
            action={`${base}/imports`}
            csrf={props.page.csrf}
            sources={props.sources}
            form={props.form}
            uploadId={props.uploadId}
          />
        </section>
      ) : null}
      <section>
        <h2>Earlier imports</h2>
        {props.batches.length === 0 ? (
          <p class='empty'>Nothing has been imported into this review yet.</p>
        ) : (
          <BatchTable batches={props.batches} base={base} />
        )}
      </section>
    </Layout>
  )
}
