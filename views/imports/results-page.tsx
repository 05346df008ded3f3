import { formatTimestamp } from '../../src/domain/text/timestamp.ts'
import type { ImportBatch } from '../../db/schema.ts'
import type { ImportOutcome } from '../../src/domain/import-outcome.ts'
import type { FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { BatchSummary, ProblemList, type BatchView } from './batch-summary.tsx'
import { DedupStatusView, type DedupStatus } from './dedup-status.tsx'
import { formatLabel } from './labels.ts'
import { MappingForm, type MappingStep } from './mapping-form.tsx'
import { UploadForm, type SourceOption } from './upload-form.tsx'

/** What happened to one uploaded file. */
export type FileOutcome = ImportOutcome<ImportBatch> & { fileName: string }

type Refusal = Exclude<FileOutcome, { status: 'imported' }>

function RefusalItem({ outcome, base }: { outcome: Refusal; base: string }) {
  switch (outcome.status) {
    case 'already_imported': {
      const earlier = outcome.earlier
      return (
        <li>
          <strong>{outcome.fileName}</strong> was not imported: this review already has it, as{' '}
          <a href={`${base}/imports/${earlier.id}`}>batch {earlier.id}</a> ({earlier.fileName},{' '}
          {formatTimestamp(earlier.createdAt)} UTC). To import it again all the same, tick “Import even if this file was
          imported before” and choose it again.
        </li>
      )
    }
    case 'unreadable':
      return (
        <li>
          <strong>{outcome.fileName}</strong> could not be imported
          {outcome.format === 'unknown' ? '' : ` as ${formatLabel(outcome.format)}`}; nothing of it was stored:
          <ProblemList problems={outcome.errors} />
        </li>
      )
    case 'needs_mapping':
      return (
        <li>
          <strong>{outcome.fileName}</strong> was not imported yet: its columns need mapping to fields (below).
        </li>
      )
  }
}

export interface ImportResultsProps {
  page: PageContext
  nav: ReviewNav
  base: string
  outcomes: FileOutcome[]
  /** The batches this post created, as stored. */
  imported: BatchView[]
  dedup: DedupStatus | null
  mapping: { step: MappingStep; form: FormState }[]
  /** The upload form again, with the choices made and the errors at their fields; null when only mapping is left. */
  upload: FormState | null
  sources: SourceOption[]
  /** A fresh id for the next upload, so its page can follow it (see upload-progress.tsx). */
  uploadId: string
}

/**
 * The answer to an upload in which some file was not imported: what did land, what did not and why,
 * and the way to finish (the mapping step, or the form again with the choices kept).
 */
export function ImportResultsPage(props: ImportResultsProps) {
  const refusals = props.outcomes.filter((outcome): outcome is Refusal => outcome.status !== 'imported')
  const action = `${props.base}/imports`
  return (
    <Layout page={props.page} title='Import' review={props.nav}>
      <h1>Import</h1>
      {refusals.length > 0 ? (
        <div class='error-summary' role='alert' tabindex={-1}>
          <h2>
            {refusals.length === 1 ? 'One file was not imported' : `${refusals.length} files were not imported`}
            {props.imported.length > 0
              ? `; ${props.imported.length} ${props.imported.length === 1 ? 'was' : 'were'}`
              : ''}
          </h2>
          <ul class='refusals'>
            {refusals.map((outcome) => (
              <RefusalItem outcome={outcome} base={props.base} />
            ))}
          </ul>
        </div>
      ) : null}
      {props.imported.map((batch) => (
        <BatchSummary batch={batch} base={props.base} />
      ))}
      {props.dedup ? (
        <DedupStatusView status={props.dedup} base={props.base} csrf={props.page.csrf} canRun={true} />
      ) : null}
      {props.mapping.map(({ step, form }, index) => (
        <MappingForm action={action} csrf={props.page.csrf} step={step} form={form} index={index} />
      ))}
      {props.upload ? (
        <section class='upload-again'>
          <h2>Import files</h2>
          <UploadForm
            action={action}
            csrf={props.page.csrf}
            sources={props.sources}
            form={props.upload}
            uploadId={props.uploadId}
          />
        </section>
      ) : null}
    </Layout>
  )
}
