import { ErrorSummary, Form, TextField, type FormState } from '../components/forms.tsx'
import { Layout } from '../layout.tsx'
import { NewPasswordField } from './new-password-field.tsx'
import type { PageContext } from '../page.ts'

/** The first visitor of a new Weft creates its administrator account here. */
export function SetupPage(props: { page: PageContext; form: FormState; minPasswordLength: number }) {
  return (
    <Layout page={props.page} title='Set up Weft'>
      <section class='narrow'>
        <h1>Welcome to Weft</h1>
        <p>This Weft has no accounts yet. Create the first one: it administers this instance.</p>
        <ErrorSummary errors={props.form.errors} />
        <Form action='/setup'>
          <TextField name='name' label='Your name' autocomplete='name' required form={props.form} />
          <TextField name='email' label='Email' type='email' autocomplete='username' required form={props.form} />
          <NewPasswordField form={props.form} minPasswordLength={props.minPasswordLength} />
          <button type='submit'>Create account</button>
        </Form>
      </section>
    </Layout>
  )
}
