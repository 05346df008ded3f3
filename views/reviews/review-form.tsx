import { PRISMA_TEMPLATE_LABELS, PRISMA_TEMPLATES } from '../../src/domain/vocabulary.ts'
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
        <fieldset>
          <legend>SPIDER</legend>
          <TextArea name='spiderSample' label='Sample' rows={2} form={form} />
          <TextArea name='spiderPhenomenon' label='Phenomenon of interest' rows={2} form={form} />
          <TextArea name='spiderDesign' label='Design' rows={2} form={form} />
          <TextArea name='spiderEvaluation' label='Evaluation' rows={2} form={form} />
          <TextArea name='spiderResearchType' label='Research type' rows={2} form={form} />
        </fieldset>
        <fieldset>
          <legend>PICo</legend>
          <TextArea name='picoPopulation' label='Population' rows={2} form={form} />
          <TextArea name='picoInterest' label='Phenomenon of interest' rows={2} form={form} />
          <TextArea name='picoContext' label='Context' rows={2} form={form} />
        </fieldset>
        <fieldset>
          <legend>Eligibility</legend>
          <TextArea name='inclusionCriteria' label='Inclusion criteria' rows={5} form={form} />
          <TextArea name='exclusionCriteria' label='Exclusion criteria' rows={5} form={form} />
        </fieldset>
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
        </fieldset>
        <button type='submit'>{props.submitLabel}</button>
      </Form>
    </>
  )
}
