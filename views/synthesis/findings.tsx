import type { CerqualFinding } from '../../db/schema.ts'
import { confidenceCeiling, type CerqualAssessment } from '../../src/domain/cerqual/assessment.ts'
import {
  CERQUAL_COMPONENT_LABELS,
  CERQUAL_COMPONENTS,
  CONCERN_LEVEL_LABELS,
  CONCERN_LEVELS,
  CONFIDENCE_LEVEL_LABELS,
  CONFIDENCE_LEVELS,
} from '../../src/domain/cerqual/vocabulary.ts'
import type { ConstructChain } from '../../src/domain/synthesis/chain.ts'
import type { SimpleTable } from '../../src/domain/synthesis/simple-table.ts'
import type { SnapshotThirdOrder } from '../../src/domain/synthesis/snapshot.ts'
import { ErrorSummary, Form, TextArea, type FormState } from '../components/forms.tsx'
import type { ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { ChainView } from './chain.tsx'
import { TableView } from './simple-table.tsx'
import { DownloadLinks, SynthesisLayout } from './synthesis-layout.tsx'
import { DangerButton } from '../components/row-actions.tsx'

function RestsOnSelect(props: { thirdOrders: SnapshotThirdOrder[]; selected: string }) {
  return (
    <div class='field'>
      <label for='field-restsOn'>Rests on</label>
      <select id='field-restsOn' name='restsOn'>
        {props.thirdOrders.map((thirdOrder) => (
          <option value={String(thirdOrder.id)} selected={props.selected === String(thirdOrder.id)}>
            Third-order construct: {thirdOrder.label}
          </option>
        ))}
        <option value='loa' selected={props.selected === 'loa'}>
          The line of argument as a whole
        </option>
      </select>
    </div>
  )
}

export function FindingsPage(props: {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  findings: CerqualFinding[]
  thirdOrders: SnapshotThirdOrder[]
  soqf: SimpleTable
  profile: SimpleTable
  form: FormState
}) {
  const { base } = props
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='findings' title='GRADE-CERQual'>
      <h1>Review findings and GRADE-CERQual</h1>
      <p>
        Each finding is assessed on the four CERQual components. The studies contributing to it are traced through the
        links (third-order construct → concepts → second-order constructs → studies), never typed in.
      </p>
      <ErrorSummary errors={props.form.errors} />
      <ol class='findings'>
        {props.findings.map((finding) => (
          <li>
            <a href={`${base}/findings/${finding.id}`}>{finding.summary}</a>{' '}
            <span class='muted'>
              {finding.confidence ? CONFIDENCE_LEVEL_LABELS[finding.confidence] : 'not yet assessed'}
            </span>
          </li>
        ))}
      </ol>
      {props.canEdit ? (
        <Form action={`${base}/findings`} csrf={props.page.csrf} class='stacked'>
          <h2>Add a finding</h2>
          <TextArea name='summary' label='Summary of the review finding' form={props.form} required />
          <RestsOnSelect thirdOrders={props.thirdOrders} selected={props.form.values['restsOn'] ?? ''} />
          <button type='submit'>Add finding</button>
        </Form>
      ) : null}
      <h2>Summary of Qualitative Findings</h2>
      <DownloadLinks href={`${base}/findings/soqf`} what='the SoQF table' />
      <TableView table={props.soqf} id='soqf-table' />
      <h2>Evidence Profile</h2>
      <DownloadLinks href={`${base}/findings/evidence-profile`} what='the Evidence Profile' />
      <TableView table={props.profile} id='evidence-profile' />
    </SynthesisLayout>
  )
}

function ConcernSelect(props: { name: string; label: string; selected: string; error?: string | undefined }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={`field-${props.name}`}>{props.label}</label>
      {props.error ? <p class='error-message'>{props.error}</p> : null}
      <select id={`field-${props.name}`} name={props.name}>
        <option value=''>Not yet judged</option>
        {CONCERN_LEVELS.map((level) => (
          <option value={level} selected={props.selected === level}>
            {CONCERN_LEVEL_LABELS[level]}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The form's values for a stored finding, named as the form names them. */
export function findingFormValues(finding: CerqualFinding, assessment: CerqualAssessment): Record<string, string> {
  const values: Record<string, string> = {
    summary: finding.summary,
    restsOn: finding.basis === 'line_of_argument' ? 'loa' : String(finding.thirdOrderId ?? ''),
    confidence: assessment.confidence ?? '',
    confidenceExplanation: assessment.explanation,
  }
  for (const component of CERQUAL_COMPONENTS) {
    values[`${component}Concern`] = assessment.components[component].concern ?? ''
    values[`${component}Explanation`] = assessment.components[component].explanation
  }
  return values
}

export function FindingPage(props: {
  page: PageContext
  nav: ReviewNav
  base: string
  canEdit: boolean
  number: number
  finding: CerqualFinding
  assessment: CerqualAssessment
  thirdOrders: SnapshotThirdOrder[]
  chain: ConstructChain
  appraisalLines: string[]
  warnings: string[]
  form: FormState
}) {
  const { base, finding } = props
  const values = props.form.values
  const path = `${base}/findings/${finding.id}`
  const readOnly = !props.canEdit
  return (
    <SynthesisLayout page={props.page} nav={props.nav} section='findings' title={`Finding ${props.number}`}>
      <p class='muted'>Finding {props.number}</p>
      <h1>{finding.summary}</h1>
      {props.warnings.length > 0 ? (
        <div class='notice' role='status'>
          {props.warnings.map((warning) => (
            <p>{warning}</p>
          ))}
        </div>
      ) : null}
      <h2>Evidence behind it</h2>
      <ChainView chain={props.chain} base={base} />
      {props.appraisalLines.length > 0 ? (
        <>
          <h3>Appraisal of the contributing studies</h3>
          <ul>
            {props.appraisalLines.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class='muted'>
          Appraisal summaries of the contributing studies appear here once the appraisal stage records them.
        </p>
      )}
      <h2>GRADE-CERQual assessment</h2>
      <p class='muted'>
        Usual ceiling from the concerns judged:{' '}
        {CONFIDENCE_LEVEL_LABELS[confidenceCeiling(props.assessment)].toLowerCase()} (start at high; one level down per
        component with serious concerns, one more for two or more with moderate concerns).
      </p>
      <ErrorSummary errors={props.form.errors} />
      <Form action={path} csrf={props.page.csrf} class='stacked cerqual-form'>
        <fieldset disabled={readOnly}>
          <TextArea name='summary' label='Summary of the review finding' form={props.form} required />
          <RestsOnSelect thirdOrders={props.thirdOrders} selected={values['restsOn'] ?? ''} />
          {CERQUAL_COMPONENTS.map((component) => (
            <fieldset class='cerqual-component'>
              <legend>{CERQUAL_COMPONENT_LABELS[component]}</legend>
              <ConcernSelect
                name={`${component}Concern`}
                label={`${CERQUAL_COMPONENT_LABELS[component]}: level of concern`}
                selected={values[`${component}Concern`] ?? ''}
                error={props.form.errors[`${component}Concern`]}
              />
              <TextArea
                name={`${component}Explanation`}
                label={`${CERQUAL_COMPONENT_LABELS[component]}: explanation`}
                form={props.form}
                rows={2}
              />
            </fieldset>
          ))}
          <fieldset class='cerqual-component'>
            <legend>Overall assessment</legend>
            <div class={props.form.errors['confidence'] ? 'field field-error' : 'field'}>
              <label for='field-confidence'>Overall confidence</label>
              {props.form.errors['confidence'] ? <p class='error-message'>{props.form.errors['confidence']}</p> : null}
              <select id='field-confidence' name='confidence'>
                <option value=''>Not yet assessed</option>
                {CONFIDENCE_LEVELS.map((level) => (
                  <option value={level} selected={values['confidence'] === level}>
                    {CONFIDENCE_LEVEL_LABELS[level]}
                  </option>
                ))}
              </select>
            </div>
            <TextArea
              name='confidenceExplanation'
              label='Explanation of the CERQual assessment'
              form={props.form}
              rows={3}
            />
          </fieldset>
          {props.canEdit ? <button type='submit'>Save assessment</button> : null}
        </fieldset>
      </Form>
      {props.canEdit ? (
        <DangerButton
          action={`${path}/delete`}
          csrf={props.page.csrf}
          class='danger-zone'
          confirm='Delete this finding and its CERQual assessment?'
        >
          Delete finding
        </DangerButton>
      ) : null}
    </SynthesisLayout>
  )
}
