import { TextField, type FormState } from '../components/forms.tsx'

/** The password a person chooses for their own new account, with the shortest length the server accepts. */
export function NewPasswordField(props: { form: FormState; minPasswordLength: number }) {
  return (
    <TextField
      name='password'
      label='Password'
      type='password'
      autocomplete='new-password'
      hint={`At least ${props.minPasswordLength} characters.`}
      required
      form={props.form}
    />
  )
}
