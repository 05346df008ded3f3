import { ErrorSummary, Form, TextField, type FormState } from '../components/forms.tsx'
import { Layout } from '../layout.tsx'
import { NewPasswordField } from './new-password-field.tsx'
import type { PageContext } from '../page.ts'

export interface InvitationView {
  reviewTitle: string
  reviewSlug: string
  email: string
  role: string
  invitedBy: string | null
}

/** What the invitee can do with the link in their hands. */
export type InvitationStep =
  | { kind: 'closed'; message: string }
  | { kind: 'join'; signedInAs: string; alreadyMember: boolean }
  | { kind: 'sign-in'; signInUrl: string }
  | { kind: 'new-account'; form: FormState; minPasswordLength: number }

export function InvitationPage(props: {
  page: PageContext
  action: string
  invitation: InvitationView | null
  step: InvitationStep
}) {
  const { invitation, step } = props
  return (
    <Layout page={props.page} title='Invitation'>
      <section class='narrow invitation'>
        {invitation ? (
          <>
            <h1>Join “{invitation.reviewTitle}”</h1>
            <p>
              {invitation.invitedBy ?? 'An owner'} invited {invitation.email} to this review as{' '}
              {article(invitation.role)} <strong>{invitation.role}</strong>.
            </p>
          </>
        ) : (
          <h1>Invitation</h1>
        )}
        <Step {...props} step={step} />
      </section>
    </Layout>
  )
}

function article(role: string): string {
  return role === 'owner' ? 'an' : 'a'
}

function Step(props: { page: PageContext; action: string; invitation: InvitationView | null; step: InvitationStep }) {
  const { step } = props
  if (step.kind === 'closed') {
    return (
      <p class='notice refused' role='alert'>
        {step.message}
      </p>
    )
  }
  if (step.kind === 'join') {
    if (step.alreadyMember) {
      return (
        <p>
          You ({step.signedInAs}) are already a member.{' '}
          <a href={`/reviews/${props.invitation?.reviewSlug ?? ''}`}>Open the review</a>.
        </p>
      )
    }
    return (
      <Form action={props.action} csrf={props.page.csrf}>
        <p>You are signed in as {step.signedInAs}.</p>
        <button type='submit'>Join the review</button>
      </Form>
    )
  }
  if (step.kind === 'sign-in') {
    return (
      <p>
        A Weft account already uses {props.invitation?.email}. <a href={step.signInUrl}>Sign in</a> to join the review
        with it.
      </p>
    )
  }
  return (
    <>
      <p>Choose your name and a password; you sign in with {props.invitation?.email}.</p>
      <ErrorSummary errors={step.form.errors} />
      <Form action={props.action}>
        <TextField name='name' label='Your name' autocomplete='name' required form={step.form} />
        <NewPasswordField form={step.form} minPasswordLength={step.minPasswordLength} />
        <button type='submit'>Create my account and join</button>
      </Form>
    </>
  )
}
