import type { StudyWithReports, StudyReport } from '../../src/domain/studies.ts'
import { Form } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { authorsShort } from '../retrieval/report-card.tsx'
import { RenameForm } from '../components/row-actions.tsx'
import { LabelOptions } from '../components/label-options.tsx'

export interface StudiesPageProps {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  studies: StudyWithReports[]
  counts: { studies: number; reports: number }
  /** Included reports that belong to no study yet. */
  unlinked: number[]
  /** A refused change, shown at its study and at the top of the page. */
  refusal?: { studyId: number; message: string; label?: string } | undefined
}

function ReportItem(props: {
  report: StudyReport
  study: StudyWithReports
  base: string
  page: PageContext
  canEdit: boolean
}) {
  const { report, study } = props
  return (
    <li id={`study-report-${report.recordId}`}>
      <strong>{report.title ?? '(no title)'}</strong>
      <br />
      <span class='muted'>
        {authorsShort(report.authors)} · {report.year ?? 'n.d.'}
        {report.journal ? ` · ${report.journal}` : ''} · record {report.recordId}
      </span>
      {report.fileSha256 ? (
        <>
          {' · '}
          <a href={`${props.base}/reports/${report.recordId}/file`} target='_blank' rel='noopener'>
            PDF
          </a>
        </>
      ) : null}
      {report.included ? null : <span class='muted'> · no longer included at full text</span>}
      {props.canEdit && report.included && study.reports.length > 1 ? (
        <Form
          action={`${props.base}/studies/${study.id}/reports/${report.recordId}/split`}
          csrf={props.page.csrf}
          class='inline'
        >
          {' '}
          <button type='submit' class='small secondary'>
            Split into its own study
          </button>
        </Form>
      ) : null}
    </li>
  )
}

function StudyActions(props: {
  study: StudyWithReports
  others: StudyWithReports[]
  base: string
  page: PageContext
  refusal: StudiesPageProps['refusal']
}) {
  const { study } = props
  const path = `${props.base}/studies/${study.id}`
  const refused = props.refusal?.studyId === study.id ? props.refusal : undefined
  return (
    <div class='row-actions'>
      <RenameForm
        action={`${path}/rename`}
        csrf={props.page.csrf}
        value={refused?.label ?? study.label}
        maxlength={120}
        open={refused?.label !== undefined}
        id={`study-label-${study.id}`}
        label='Name of the study'
      />
      {props.others.length > 0 ? (
        <details class='inline-edit'>
          <summary>Merge into…</summary>
          <Form
            action={`${path}/merge`}
            csrf={props.page.csrf}
            confirm={`Merge “${study.label}” into the chosen study?`}
          >
            <label for={`merge-into-${study.id}`}>
              Same investigation as (the study that stays; “{study.label}” is merged into it)
            </label>
            <select id={`merge-into-${study.id}`} name='into' required>
              <option value=''>Choose a study…</option>
              <LabelOptions rows={props.others} />
            </select>
            <button type='submit' class='small'>
              Merge
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  )
}

/** Included studies with their reports: merge those describing one investigation, split, rename. */
export function StudiesPage(props: StudiesPageProps) {
  const { counts } = props
  return (
    <Layout page={props.page} title='Studies' review={props.nav}>
      <h1>Included studies</h1>
      <p>
        A study is one investigation; several reports (papers, theses, reports) may describe it. Each report included at
        full text starts as a study of its own; merge the studies whose reports describe the same investigation. PRISMA
        counts both.
      </p>
      <p class='duplicate-counts'>
        <span>
          <strong>{counts.studies}</strong> {counts.studies === 1 ? 'study' : 'studies'} included
        </span>
        <span>
          <strong>{counts.reports}</strong> {counts.reports === 1 ? 'report' : 'reports'} of included studies
        </span>
      </p>
      {props.refusal ? (
        <div class='error-summary' role='alert' tabindex={-1}>
          <h2>There is a problem</h2>
          <p>{props.refusal.message}</p>
        </div>
      ) : null}
      {props.unlinked.length > 0 ? (
        <div class='notice'>
          <p>
            {props.unlinked.length} included {props.unlinked.length === 1 ? 'report belongs' : 'reports belong'} to no
            study yet (records {props.unlinked.join(', ')}).
          </p>
          {props.canEdit ? (
            <Form action={`${props.base}/studies/unlinked`} csrf={props.page.csrf}>
              <button type='submit' class='small'>
                Give each its own study
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {props.studies.length === 0 ? (
        <p class='empty'>No study is included yet: studies appear when reports are included at full text.</p>
      ) : null}
      {props.studies.map((study) => (
        <section class='source study' id={`study-${study.id}`} aria-labelledby={`study-heading-${study.id}`}>
          <h2 id={`study-heading-${study.id}`}>{study.label}</h2>
          {props.refusal?.studyId === study.id ? (
            <p class='error-message' role='alert'>
              {props.refusal.message}
            </p>
          ) : null}
          <p class='muted'>
            {study.reports.length} {study.reports.length === 1 ? 'report' : 'reports'}
          </p>
          <ul class='study-report-list'>
            {study.reports.map((report) => (
              <ReportItem report={report} study={study} base={props.base} page={props.page} canEdit={props.canEdit} />
            ))}
          </ul>
          {props.canEdit ? (
            <StudyActions
              study={study}
              others={props.studies.filter((other) => other.id !== study.id)}
              base={props.base}
              page={props.page}
              refusal={props.refusal}
            />
          ) : null}
        </section>
      ))}
    </Layout>
  )
}
