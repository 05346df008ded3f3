import { Hono, type Context } from 'hono'
import { InvitationPage, type InvitationStep, type InvitationView } from '../../views/auth/invitation.tsx'
import { emptyForm } from '../../views/components/forms.tsx'
import { INVITATION_CLOSED, invitationState } from '../domain/invitations.ts'
import { invitedAccountInput, MIN_PASSWORD_LENGTH } from '../input/account-input.ts'
import { formValues, validate } from '../input/form.ts'
import { afterChange, attempt, type Refused } from '../http/form-action.ts'
import type { AppEnv } from '../http/env.ts'
import { pageContext } from '../http/page-context.ts'
import { startSession } from '../http/session.ts'
import { StoreNotFoundError } from '../store/errors.ts'
import { acceptInvitation, openInvitation, type Invitee, type OpenedInvitation } from '../store/invitations.ts'
import { findMembership } from '../store/memberships.ts'

/**
 * The invitee's side of an invitation link, /invitations/:token: open to anyone holding the link. Signed
 * in, they join with their account; otherwise they make one with the invitation's email.
 */
export const invitationAcceptRoutes = new Hono<AppEnv>()

type Opened = { ok: true; opened: OpenedInvitation } | { ok: false; status: 404 | 410; message: string }

function open(c: Context<AppEnv>): Opened {
  const { db, now } = c.get('deps')
  try {
    const opened = openInvitation(db, c.req.param('token') ?? '')
    const state = invitationState(opened.invitation, now())
    return state === 'pending' ? { ok: true, opened } : { ok: false, status: 410, message: INVITATION_CLOSED[state] }
  } catch (error) {
    if (error instanceof StoreNotFoundError) return { ok: false, status: 404, message: error.message }
    throw error
  }
}

function view(opened: OpenedInvitation): InvitationView {
  return {
    reviewTitle: opened.review.title,
    reviewSlug: opened.review.slug,
    email: opened.invitation.email,
    role: opened.invitation.role,
    invitedBy: opened.invitedBy,
  }
}

function render(
  c: Context<AppEnv>,
  invitation: InvitationView | null,
  step: InvitationStep,
  status: 200 | 404 | 409 | 410 | 422 = 200,
) {
  return c.render(
    <InvitationPage
      page={pageContext(c.var)}
      action={new URL(c.req.url).pathname}
      invitation={invitation}
      step={step}
    />,
    { status: status },
  )
}

/** What the person holding the link can do now. */
function stepFor(c: Context<AppEnv>, opened: OpenedInvitation): InvitationStep {
  const user = c.get('user')
  if (user) {
    const alreadyMember = findMembership(c.get('deps').db, opened.review.id, user.id) !== undefined
    return { kind: 'join', signedInAs: user.email, alreadyMember }
  }
  if (opened.accountExists) {
    return { kind: 'sign-in', signInUrl: `/sign-in?${new URLSearchParams({ next: new URL(c.req.url).pathname })}` }
  }
  return { kind: 'new-account', form: emptyForm, minPasswordLength: MIN_PASSWORD_LENGTH }
}

invitationAcceptRoutes.get('/:token', (c) => {
  const result = open(c)
  if (!result.ok) return render(c, null, { kind: 'closed', message: result.message }, result.status)
  return render(c, view(result.opened), stepFor(c, result.opened))
})

invitationAcceptRoutes.post('/:token', async (c) => {
  const result = open(c)
  if (!result.ok) return render(c, null, { kind: 'closed', message: result.message }, result.status)
  const { opened } = result
  const step = stepFor(c, opened)
  const { db, now, passwordHasher } = c.get('deps')
  const user = c.get('user')
  let invitee: Invitee
  if (step.kind === 'join' && user) {
    invitee = { userId: user.id }
  } else if (step.kind === 'new-account') {
    const values = formValues(await c.req.parseBody())
    const input = validate(invitedAccountInput, values)
    if (!input.ok) return render(c, view(opened), { ...step, form: input }, 422)
    // Hashed before the transaction: better-sqlite3 transactions are synchronous.
    invitee = { name: input.value.name, passwordHash: await passwordHasher.hash(input.value.password) }
  } else {
    return render(c, view(opened), step, 409)
  }
  // A link used up or withdrawn meanwhile: the invitation is closed, whatever field the store names.
  const closed: Refused = (form) =>
    render(c, view(opened), { kind: 'closed', message: Object.values(form.errors)[0] ?? '' }, 409)
  return attempt({}, closed, () => {
    const joined = acceptInvitation(db, { token: c.req.param('token'), invitee, now: now() })
    if (!user) startSession(c, joined.id)
    const welcome = `Welcome: you joined “${opened.review.title}” as ${opened.invitation.role}.`
    return afterChange(c, welcome, `/reviews/${opened.review.slug}`)
  })
})
