import { ErrorSummary, Form, TextField, type FormState } from '../components/forms.tsx'
import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'

export function SignInPage(props: { page: PageContext; form: FormState; next: string; notice?: string | undefined }) {
  return (
    <Layout page={props.page} title='Sign in'>
      <section class='narrow'>
        <h1>Sign in to Weft</h1>
        {props.notice ? (
          <p class='notice' role='status'>
            {props.notice}
          </p>
        ) : null}
        <ErrorSummary errors={props.form.errors} />
        <Form action={`/sign-in?next=${encodeURIComponent(props.next)}`}>
          <TextField name='email' label='Email' type='email' autocomplete='username' required form={props.form} />
          <TextField
            name='password'
            label='Password'
            type='password'
            autocomplete='current-password'
            required
            form={props.form}
          />
          <button type='submit'>Sign in</button>
        </Form>
      </section>
    </Layout>
  )
}
