import type { ExtractionField } from '../../db/schema.ts'
import {
  DEFAULT_QUALITATIVE_FIELDS,
  FIELD_KIND_LABELS,
  FIELD_KINDS,
  hasOptions,
} from '../../src/domain/extraction/fields.ts'
import { ErrorSummary, Form, SelectField, TextArea, TextField, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'

export interface FormDesignerProps {
  page: PageContext
  nav: ReviewNav
  fields: ExtractionField[]
  canEdit: boolean
  addForm: FormState
  /** The field whose edit form was refused, with what was typed. */
  editing?: { fieldId: number; form: FormState } | undefined
}

function MoveButton(props: {
  action: string
  direction: 'up' | 'down'
  label: string
  disabled: boolean
  csrf: () => string
}) {
  return (
    <Form action={props.action} csrf={props.csrf} class='inline'>
      <input type='hidden' name='direction' value={props.direction} />
      <button
        type='submit'
        class='small'
        disabled={props.disabled}
        aria-label={`Move “${props.label}” ${props.direction}`}
      >
        {props.direction === 'up' ? '↑' : '↓'}
      </button>
    </Form>
  )
}

function FieldRow(props: FormDesignerProps & { field: ExtractionField; index: number; last: boolean }) {
  const { field, page } = props
  const path = `/reviews/${props.nav.slug}/characteristics/form/fields/${field.id}`
  const refused = props.editing?.fieldId === field.id ? props.editing.form : undefined
  const form = refused ?? {
    values: { label: field.label, hint: field.hint, options: field.options.join('\n') },
    errors: {},
  }
  return (
    <li data-field={field.label}>
      <span class='field-label'>{field.label}</span> <span class='muted'>({FIELD_KIND_LABELS[field.kind]})</span>
      {hasOptions(field.kind) ? <span class='muted'>: {field.options.join(' · ')}</span> : null}
      {props.canEdit ? (
        <span class='row-actions'>
          <MoveButton
            action={`${path}/move`}
            direction='up'
            label={field.label}
            disabled={props.index === 0}
            csrf={page.csrf}
          />
          <MoveButton
            action={`${path}/move`}
            direction='down'
            label={field.label}
            disabled={props.last}
            csrf={page.csrf}
          />
          <details class='inline-edit' open={refused !== undefined}>
            <summary>Edit</summary>
            <ErrorSummary errors={form.errors} />
            <Form action={path} csrf={page.csrf}>
              <TextField name='label' label='Name' form={form} maxlength={120} required />
              <TextField name='hint' label='Hint for extractors' form={form} maxlength={300} />
              {hasOptions(field.kind) ? (
                <TextArea name='options' label='Choices, one per line' form={form} rows={5} />
              ) : null}
              <button type='submit' class='small'>
                Save field
              </button>
            </Form>
          </details>
          <Form action={`${path}/archive`} csrf={page.csrf} class='inline'>
            <button type='submit' class='small secondary'>
              Archive
            </button>
          </Form>
        </span>
      ) : null}
    </li>
  )
}

export function FormDesignerPage(props: FormDesignerProps) {
  const base = `/reviews/${props.nav.slug}/characteristics/form`
  const active = props.fields.filter((field) => field.archivedAt === null)
  const archived = props.fields.filter((field) => field.archivedAt !== null)
  return (
    <Layout page={props.page} title='Characteristics form' review={props.nav}>
      <p>
        <a href={`/reviews/${props.nav.slug}/characteristics`}>← Characteristics of included studies</a>
      </p>
      <h1>Characteristics form</h1>
      <p>
        The fields extractors fill in for every included study. Removing a field archives it: its values are kept and it
        can be restored.
      </p>
      {props.fields.length === 0 && props.canEdit ? (
        <section class='defaults'>
          <h2>Start with the fields of a qualitative review</h2>
          <p>{DEFAULT_QUALITATIVE_FIELDS.map((field) => field.label).join(' · ')}</p>
          <Form action={`${base}/defaults`} csrf={props.page.csrf}>
            <button type='submit'>Use these {DEFAULT_QUALITATIVE_FIELDS.length} fields</button>
          </Form>
        </section>
      ) : null}
      {active.length === 0 ? <p class='empty'>No field is on the form.</p> : null}
      <ol class='form-fields'>
        {active.map((field, index) => (
          <FieldRow {...props} field={field} index={index} last={index === active.length - 1} />
        ))}
      </ol>
      {props.canEdit ? (
        <section aria-labelledby='add-heading'>
          <h2 id='add-heading'>Add a field</h2>
          <ErrorSummary errors={props.addForm.errors} />
          <Form action={`${base}/fields`} csrf={props.page.csrf}>
            <TextField name='label' label='Name' form={props.addForm} maxlength={120} required />
            <SelectField
              name='kind'
              label='Kind of field'
              form={props.addForm}
              options={FIELD_KINDS.map((kind) => ({ value: kind, label: FIELD_KIND_LABELS[kind] }))}
            />
            <TextArea
              name='options'
              label='Choices, one per line'
              hint='For single- and multiple-choice fields.'
              form={props.addForm}
              rows={4}
            />
            <TextField name='hint' label='Hint for extractors' form={props.addForm} maxlength={300} />
            <button type='submit'>Add field</button>
          </Form>
        </section>
      ) : null}
      {archived.length > 0 ? (
        <section aria-labelledby='archived-heading' class='archived-fields'>
          <h2 id='archived-heading'>Archived fields</h2>
          <ul>
            {archived.map((field) => (
              <li data-field={field.label}>
                {field.label} <span class='muted'>({FIELD_KIND_LABELS[field.kind]})</span>
                {props.canEdit ? (
                  <Form action={`${base}/fields/${field.id}/restore`} csrf={props.page.csrf} class='inline'>
                    <button type='submit' class='small secondary'>
                      Restore
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  )
}
