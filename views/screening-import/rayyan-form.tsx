import { ErrorSummary, Form, SelectField, type FormState } from '../components/forms.tsx'

export interface RayyanMappingProps {
  action: string
  csrf: () => string
  /** The reviewer names found in the review's Rayyan notes, with how many decisions each made. */
  reviewers: { name: string; decisions: number }[]
  /** Members who screen (reviewers and owners). */
  screeners: { email: string; name: string }[]
  form: FormState
}

/** Which member each Rayyan reviewer is: one select per name, pre-chosen where a member's name matches. */
export function RayyanMappingForm(props: RayyanMappingProps) {
  const options = [
    { value: '', label: 'Choose a member…' },
    ...props.screeners.map((member) => ({ value: member.email, label: `${member.name} (${member.email})` })),
  ]
  return (
    <Form action={props.action} csrf={props.csrf}>
      <ErrorSummary errors={props.form.errors} />
      {props.reviewers.map((reviewer, index) => (
        <>
          <input type='hidden' name={`name-${index}`} value={reviewer.name} />
          <SelectField
            name={`email-${index}`}
            label={`Rayyan’s “${reviewer.name}” (${reviewer.decisions.toLocaleString('en')} ${reviewer.decisions === 1 ? 'decision' : 'decisions'}) is`}
            options={options}
            form={props.form}
          />
        </>
      ))}
      <button type='submit'>Import Rayyan decisions</button>
    </Form>
  )
}
