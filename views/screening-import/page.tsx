import { FilesField, UploadFormShell } from '../imports/upload-form.tsx'
import { ErrorSummary, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ImportProblemList, type ImportProblems } from './problems.tsx'
import { RayyanMappingForm, type RayyanMappingProps } from './rayyan-form.tsx'

export interface ScreeningImportPageProps {
  page: PageContext
  nav: ReviewNav
  base: string
  upload: FormState
  /** Why the last import stored nothing. */
  problems: ImportProblems | null
  rayyan: Omit<RayyanMappingProps, 'action' | 'csrf'>
}

/** The owner's page for bringing screening decisions over from another tool: a decisions CSV, or Rayyan's notes. */
export function ScreeningImportPage(props: ScreeningImportPageProps) {
  const action = `${props.base}/screening/import`
  return (
    <Layout page={props.page} title='Import screening decisions' review={props.nav}>
      <h1>Import screening decisions</h1>
      <p>
        Moving a review from Rayyan or Covidence half-way: each decision becomes a reviewer’s vote, as if they had cast
        it here, and the <a href={`${props.base}/screening`}>screening</a> rules (dual screening, conflicts) apply to
        it.
      </p>
      {props.problems ? <ImportProblemList problems={props.problems} /> : null}
      <section aria-labelledby='decisions-csv'>
        <h2 id='decisions-csv'>A decisions file (CSV)</h2>
        <p>
          One row per vote, with the columns <code>record</code> (a Weft record id, a DOI, or <code>PMID:</code> and the
          number), <code>stage</code> (title_abstract or full_text), <code>reviewer</code> (a member’s email),{' '}
          <code>verdict</code> (include, exclude, maybe or not_retrieved), <code>reason</code> (one of the review’s{' '}
          <a href={`${props.base}/exclusion-reasons`}>exclusion reasons</a>, for a full-text exclusion) and{' '}
          <code>note</code>. Title/abstract rows are applied first, then full-text rows, each in the file’s order, so a
          later row of a reviewer on the same record changes the earlier vote. A full-text vote on a report not yet
          marked retrieved marks it retrieved (without a file), as the other tool had it.
        </p>
        <UploadFormShell action={action} csrf={props.page.csrf} submitLabel='Import decisions' id='decisions-form'>
          <FilesField
            form={props.upload}
            multiple={false}
            label='Decisions file'
            hint='CSV or TSV, UTF-8, up to 20 MB. All rows are imported, or none.'
          />
        </UploadFormShell>
      </section>
      <section aria-labelledby='rayyan'>
        <h2 id='rayyan'>Rayyan’s decisions</h2>
        {props.rayyan.reviewers.length === 0 ? (
          <>
            {/* A mapping sent from a page kept open after the records changed: say what was refused. */}
            <ErrorSummary errors={props.rayyan.form.errors} />
            <p class='empty'>
              No record of this review carries Rayyan decisions. Export the review from Rayyan as RIS, with its notes,
              and <a href={`${props.base}/imports`}>import</a> it: each record’s RAYYAN-INCLUSION note then shows here.
            </p>
          </>
        ) : (
          <>
            <p>
              The review’s records carry the decisions of these Rayyan reviewers. Say who each one is here; their
              decisions become title/abstract votes, and Rayyan’s exclusion reasons go into the vote’s note.
            </p>
            <RayyanMappingForm action={`${action}/rayyan`} csrf={props.page.csrf} {...props.rayyan} />
          </>
        )}
      </section>
    </Layout>
  )
}
