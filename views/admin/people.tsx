import type { User } from '../../db/schema.ts'
import { ErrorSummary, Form, TextField, type FormState } from '../components/forms.tsx'
import { PendingInvitationsTable, type PendingInvitation } from '../members/invitations.tsx'
import { Layout } from '../layout.tsx'
import type { PageContext } from '../page.ts'

/** The administrator creates accounts for co-reviewers, who then change nothing but their own work. */
export function PeoplePage(props: {
  page: PageContext
  people: User[]
  invitations: PendingInvitation[]
  form: FormState
  minPasswordLength: number
}) {
  return (
    <Layout page={props.page} title='People'>
      <h1>People</h1>
      <p>
        Everyone with an account on this Weft. Review owners add them to reviews by email, or invite people by link.
      </p>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Administrator</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((person) => (
            <tr>
              <td>{person.name}</td>
              <td>{person.email}</td>
              <td>{person.isAdmin ? 'yes' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invitations waiting to be used</h2>
      <p>Review owners invite co-reviewers by link from their review’s Members page; every link still open is here.</p>
      <PendingInvitationsTable
        invitations={props.invitations}
        page={props.page}
        revokeBase={(invitation) => `/admin/invitations/${invitation.id}/revoke`}
        showReview
      />
      <h2>Create an account</h2>
      <ErrorSummary errors={props.form.errors} />
      <Form action='/admin/people' csrf={props.page.csrf}>
        <TextField name='name' label='Name' required form={props.form} />
        <TextField name='email' label='Email' type='email' required form={props.form} />
        <TextField
          name='password'
          label='First password'
          type='password'
          autocomplete='new-password'
          hint={`At least ${props.minPasswordLength} characters; tell them to keep it safe.`}
          required
          form={props.form}
        />
        <button type='submit'>Create account</button>
      </Form>
    </Layout>
  )
}
