import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { PeoplePage } from '../../views/admin/people.tsx'
import { emptyForm, type FormState } from '../../views/components/forms.tsx'
import { MIN_PASSWORD_LENGTH, newAccountInput } from '../input/account-input.ts'
import { afterChange, attempt, submitForm } from '../http/form-action.ts'
import type { SignedInEnv } from '../http/env.ts'
import { pageContext } from '../http/page-context.ts'
import { signedInRoutes } from '../http/session.ts'
import { listPendingInvitations, revokeInvitation } from '../store/invitations.ts'
import { createUser, listUsers } from '../store/users.ts'

export const adminRoutes = signedInRoutes()

adminRoutes.use('*', async function requireAdmin(c, next) {
  if (!c.get('user').isAdmin) {
    throw new HTTPException(403, { message: 'Only the administrator of this Weft can manage accounts.' })
  }
  await next()
})

function renderPeople(c: Context<SignedInEnv>, form: FormState, status: 200 | 404 | 409 | 422) {
  const { db, now } = c.get('deps')
  return c.render(
    <PeoplePage
      page={pageContext(c.var)}
      people={listUsers(db)}
      invitations={listPendingInvitations(db, null, now())}
      form={form}
      minPasswordLength={MIN_PASSWORD_LENGTH}
    />,
    { status: status },
  )
}

adminRoutes.get('/people', (c) => renderPeople(c, emptyForm, 200))

adminRoutes.post('/people', (c) =>
  submitForm(
    c,
    newAccountInput,
    (form, status) => renderPeople(c, form, status),
    async (input) => {
      const { db, passwordHasher } = c.get('deps')
      const user = await createUser(db, input, c.get('user').id, { hasher: passwordHasher })
      return afterChange(c, `Account created for ${user.name} (${user.email}).`, '/admin/people')
    },
  ),
)

adminRoutes.post('/invitations/:invitationId/revoke', (c) => {
  const { db, now } = c.get('deps')
  const id = c.req.param('invitationId')
  return attempt(
    {},
    (form, status) => renderPeople(c, form, status),
    () => {
      const invitation = revokeInvitation(db, {
        invitationId: /^\d{1,15}$/.test(id) ? Number(id) : -1,
        reviewId: null,
        actorId: c.get('user').id,
        now: now(),
      })
      return afterChange(
        c,
        `The invitation for ${invitation.email} was withdrawn; its link no longer works.`,
        '/admin/people',
      )
    },
  )
})
