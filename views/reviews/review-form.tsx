import { PRISMA_TEMPLATE_LABELS, PRISMA_TEMPLATES } from '../../src/domain/vocabulary.ts'
import { PROTOCOL_SECTIONS } from './protocol-sections.ts'
import { Checkbox, ErrorSummary, Form, SelectField, TextArea, TextField, type FormState } from '../components/forms.tsx'

const templateOptions = PRISMA_TEMPLATES.map((value) => ({ value, label: PRISMA_TEMPLATE_LABELS[value] }))

/** The protocol form, used to create a review and to edit it. */
export function ReviewForm(props: { action: string; csrf: () => string; form: FormState; submitLabel: string }) {
  const { form } = props
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <Form action={props.action} csrf={props.csrf} class='protocol-form'>
        <fieldset>
          <legend>The review</legend>
          <TextField name='title' label='Title' required maxlength={300} form={form} />
          <TextField
            name='slug'
            label='Short name'
            hint='Used in the review’s web address: lower-case letters, digits and hyphens.'
            required
            maxlength={63}
            form={form}
          />
          <TextArea name='question' label='Review question' rows={3} form={form} />
          <TextField
            name='registrationId'
            label='Registration id'
            hint='For example a PROSPERO number such as CRD42023456789.'
            form={form}
          />
        </fieldset>
        {PROTOCOL_SECTIONS.map((section) => (
          <fieldset>
            <legend>{section.heading}</legend>
            {section.fields.map(([name, label]) => (
              <TextArea name={name} label={label} rows={section.rows} form={form} />
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>Reporting and screening</legend>
          <SelectField name='prismaTemplate' label='PRISMA 2020 flow diagram' options={templateOptions} form={form} />
          <SelectField
            name='reviewersPerRecord'
            label='Reviewers per record'
            options={[
              { value: '2', label: '2 — dual independent screening' },
              { value: '1', label: '1 — single screening' },
            ]}
            form={form}
          />
          <Checkbox
            name='blindScreening'
            label='Blind screening'
            hint='Reviewers do not see each other’s votes until a record is resolved.'
            form={form}
          />
          <Checkbox
            name='maybeIsConflict'
            label='A Maybe makes a conflict'
            hint='When unticked, a Maybe counts as a vote to include (the record goes on to full text).'
            form={form}
          />
          <SelectField
            name='screeningAllocation'
            label='Allocation'
            options={[
              { value: 'open_pool', label: 'Open pool — each reviewer takes the next record that still needs votes' },
              { value: 'assigned', label: 'Assigned batches — owners hand records to reviewers' },
            ]}
            form={form}
          />
          <SelectField
            name='screeningOrder'
            label='Screening order'
            hint='At title/abstract. Most relevant first starts once a reviewer has an include and an exclude (theirs or the team’s decisions); until then records come in import order.'
            options={[
              { value: 'relevance', label: 'Most relevant first — the model learns from decisions as they arrive' },
              { value: 'import', label: 'Import order' },
              { value: 'random', label: 'Random order' },
            ]}
            form={form}
          />
          <TextArea
            name='includeTerms'
            label='Terms to highlight as relevant'
            hint='One per line or separated by commas; a term matches the start of words (“prescrib” matches “prescribing”).'
            rows={3}
            form={form}
          />
          <TextArea name='excludeTerms' label='Terms to highlight as irrelevant' rows={3} form={form} />
        </fieldset>
        <fieldset>
          <legend>Updated reviews</legend>
          <p class='hint'>Only for the “updated review” PRISMA templates: what the previous version included.</p>
          <TextField
            name='previousStudies'
            label='Studies included in previous version'
            inputmode='numeric'
            form={form}
          />
          <TextField
            name='previousReports'
            label='Reports of studies included in previous version'
            inputmode='numeric'
            form={form}
          />
        </fieldset>
        <button type='submit'>{props.submitLabel}</button>
      </Form>
    </>
  )
}
