import type { AnswerCounts } from '../../src/domain/appraisal/matrix.ts'
import { APPRAISAL_TOOLS, TOOLS, type AppraisalTool } from '../../src/domain/appraisal/tools.ts'
import type { StudyAppraisalStatus } from '../../src/domain/appraisal/sheets.ts'
import { ErrorSummary, Form, SelectField, TextArea, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { AppraisalMatrix } from './matrix.tsx'
import { ColumnHeadings } from '../components/column-headings.tsx'
import { ExportLinks } from '../components/export-links.tsx'

export interface AppraisalOverviewProps {
  page: PageContext
  nav: ReviewNav
  tool: AppraisalTool
  judgementLevels: string[]
  rows: StudyAppraisalStatus[]
  counts: AnswerCounts
  viewerId: number
  isOwner: boolean
  settingsForm: FormState
}

function status(row: StudyAppraisalStatus): string {
  if (row.study.exclusion) return `Excluded after appraisal: ${row.study.exclusion.reason}`
  if (row.consensus) return 'Consensus recorded'
  if (row.differing !== null)
    return row.differing === 0
      ? 'Both finished, in agreement: consensus to record'
      : `Both finished, differ on ${row.differing}: consensus to record`
  if (row.appraisers.length === 0) return 'Not started'
  return `${row.appraisers.filter((appraiser) => appraiser.finished).length} of 2 appraisals finished`
}

function Settings(props: AppraisalOverviewProps) {
  if (!props.isOwner) return null
  return (
    <details class='settings' open={Object.keys(props.settingsForm.errors).length > 0}>
      <summary>Appraisal settings</summary>
      <ErrorSummary errors={props.settingsForm.errors} />
      <Form action={`/reviews/${props.nav.slug}/appraisal/settings`} csrf={props.page.csrf}>
        <SelectField
          name='tool'
          label='Appraisal tool'
          form={props.settingsForm}
          options={APPRAISAL_TOOLS.map((id) => ({ value: id, label: TOOLS[id].name }))}
        />
        <TextArea
          name='judgementLevels'
          label='Overall judgement levels'
          hint='One per line, best first (e.g. High, Moderate, Low). Leave empty for no overall judgement.'
          form={props.settingsForm}
          rows={4}
        />
        <button type='submit'>Save settings</button>
      </Form>
    </details>
  )
}

export function AppraisalOverviewPage(props: AppraisalOverviewProps) {
  const base = `/reviews/${props.nav.slug}/appraisal`
  return (
    <Layout page={props.page} title='Appraisal' review={props.nav}>
      <h1>Quality appraisal</h1>
      <p>
        {props.tool.name} ({props.tool.version}). Two appraisers per study, each blind to the other until both have
        finished; then the team records a consensus.
      </p>
      <Settings {...props} />
      <h2>Included studies</h2>
      {props.rows.length === 0 ? (
        <p class='empty'>No study is included at full text yet.</p>
      ) : (
        <table class='appraisal-studies'>
          <ColumnHeadings headings={['Study', 'Appraisers', 'Status']} />
          <tbody>
            {props.rows.map((row) => (
              <tr data-study={row.study.id}>
                <td>
                  <a href={`${base}/${row.study.id}`}>{row.study.label}</a>
                </td>
                <td>
                  {row.appraisers
                    .map(
                      (appraiser) =>
                        `${appraiser.id === props.viewerId ? 'You' : (appraiser.name ?? 'former member')}${appraiser.finished ? ' ✓' : ''}`,
                    )
                    .join(', ') || '—'}
                </td>
                <td>{status(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Summary of appraisals</h2>
      <ExportLinks stem={`${base}/matrix`} />
      <AppraisalMatrix
        tool={props.tool}
        rows={props.rows}
        counts={props.counts}
        withJudgement={props.judgementLevels.length > 0}
      />
    </Layout>
  )
}
