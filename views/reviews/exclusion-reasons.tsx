import type { ExclusionReason } from '../../db/schema.ts'
import { ErrorSummary, Form, TextField, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'
import { DangerButton, RenameForm } from '../components/row-actions.tsx'

function ReasonRow(props: {
  reason: ExclusionReason
  index: number
  last: boolean
  base: string
  page: PageContext
  canEdit: boolean
}) {
  const { reason, base, page } = props
  const path = `${base}/exclusion-reasons/${reason.id}`
  return (
    <li>
      <span class='reason-label'>{reason.label}</span>
      {props.canEdit ? (
        <span class='row-actions'>
          <Form action={`${path}/move`} csrf={page.csrf} class='inline'>
            <input type='hidden' name='direction' value='up' />
            <button type='submit' class='small' disabled={props.index === 0} aria-label={`Move “${reason.label}” up`}>
              ↑
            </button>
          </Form>
          <Form action={`${path}/move`} csrf={page.csrf} class='inline'>
            <input type='hidden' name='direction' value='down' />
            <button type='submit' class='small' disabled={props.last} aria-label={`Move “${reason.label}” down`}>
              ↓
            </button>
          </Form>
          <RenameForm
            action={path}
            csrf={page.csrf}
            value={reason.label}
            maxlength={200}
            id={`reason-${reason.id}`}
            label='New wording'
          />
          <DangerButton action={`${path}/delete`} csrf={page.csrf} confirm={`Delete the reason “${reason.label}”?`}>
            Delete
          </DangerButton>
        </span>
      ) : null}
    </li>
  )
}

export function ExclusionReasonsPage(props: {
  page: PageContext
  nav: ReviewNav
  reasons: ExclusionReason[]
  canEdit: boolean
  form: FormState
}) {
  const base = `/reviews/${props.nav.slug}`
  return (
    <Layout page={props.page} title='Exclusion reasons' review={props.nav}>
      <h1>Full-text exclusion reasons</h1>
      <p>
        Reviewers pick one of these when they exclude a report at full text. The order is a hierarchy: a report that
        fails several criteria is counted under the first reason that applies in the PRISMA diagram.
      </p>
      <ErrorSummary errors={props.form.errors} />
      <ol class='reasons'>
        {props.reasons.map((reason, index) => (
          <ReasonRow
            reason={reason}
            index={index}
            last={index === props.reasons.length - 1}
            base={base}
            page={props.page}
            canEdit={props.canEdit}
          />
        ))}
      </ol>
      {props.canEdit ? (
        <Form action={`${base}/exclusion-reasons`} csrf={props.page.csrf} class='add-row'>
          <TextField name='label' label='Add a reason' maxlength={200} form={props.form} />
          <button type='submit'>Add reason</button>
        </Form>
      ) : null}
    </Layout>
  )
}
