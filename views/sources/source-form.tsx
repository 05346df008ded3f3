import { SOURCE_KIND_LABELS, SOURCE_KINDS } from '../../src/domain/vocabulary.ts'
import { Checkbox, ErrorSummary, Form, SelectField, TextArea, TextField, type FormState } from '../components/forms.tsx'
import { Layout, type ReviewNav } from '../layout.tsx'
import type { PageContext } from '../page.ts'

const kindOptions = SOURCE_KINDS.map((value) => ({ value, label: SOURCE_KIND_LABELS[value] }))

export function SourceFormPage(props: {
  page: PageContext
  nav: ReviewNav
  form: FormState
  action: string
  heading: string
  deleteAction?: string
}) {
  const { form } = props
  return (
    <Layout page={props.page} title={props.heading} review={props.nav}>
      <h1>{props.heading}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action} csrf={props.page.csrf}>
        <TextField name='name' label='Source' hint='For example MEDLINE, CINAHL, Google alerts.' required form={form} />
        <TextField
          name='platform'
          label='Platform'
          hint='For example Ovid, EBSCOhost, Web of Science Core Collection.'
          form={form}
        />
        <SelectField
          name='kind'
          label='Kind of source'
          hint='Records of websites, organisations, citation searching and other sources go straight to retrieval, without title/abstract screening (PRISMA 2020’s other methods).'
          options={kindOptions}
          form={form}
        />
        {form.errors['confirmKind'] ? (
          <div class='field-error'>
            <p class='error-message' id='error-confirmKind'>
              {form.errors['confirmKind']}
            </p>
            <Checkbox name='confirmKind' label='Yes, change the kind: its records follow' form={form} />
          </div>
        ) : null}
        <TextField name='dateRun' label='Date run' type='date' hint='YYYY-MM-DD' form={form} />
        <TextField
          name='coverage'
          label='Coverage'
          hint='Dates the source covers, e.g. 1946 to November Week 2 2026.'
          form={form}
        />
        <TextArea name='strategy' label='Full search strategy, exactly as run' rows={10} code form={form} />
        <TextArea name='limits' label='Limits and restrictions' rows={2} form={form} />
        <TextArea name='filters' label='Search filters' rows={2} form={form} />
        <TextArea name='notes' label='Notes' rows={2} form={form} />
        <button type='submit'>Save source</button>
      </Form>
      {props.deleteAction ? (
        <Form
          action={props.deleteAction}
          csrf={props.page.csrf}
          class='danger-zone'
          confirm='Delete this source from the search log?'
        >
          <button type='submit' class='danger'>
            Delete source
          </button>
        </Form>
      ) : null}
    </Layout>
  )
}
