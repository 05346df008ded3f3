import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { PeoplePage } from '../../views/admin/people.tsx'
import { emptyForm, type FormState } from '../../views/components/forms.tsx'
import { MIN_PASSWORD_LENGTH, newAccountInput } from '../input/account-input.ts'
import { formValues, validate } from '../input/form.ts'
import type { SignedInEnv } from '../http/env.ts'
import { setFlash } from '../http/flash.ts'
import { conflictAsFormState } from '../http/form-state.ts'
import { pageContext } from '../http/page-context.ts'
import { signedInRoutes } from '../http/session.ts'
import { StoreConflictError, StoreNotFoundError } from '../store/errors.ts'
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

adminRoutes.post('/people', async (c) => {
  const input = validate(newAccountInput, formValues(await c.req.parseBody()))
  if (!input.ok) return renderPeople(c, input, 422)
  try {
    const { db, passwordHasher } = c.get('deps')
    const user = await createUser(db, input.value, c.get('user').id, { hasher: passwordHasher })
    setFlash(c, `Account created for ${user.name} (${user.email}).`)
    return c.redirect('/admin/people', 303)
  } catch (error) {
    return renderPeople(c, conflictAsFormState(error, input.value), 422)
  }
})

adminRoutes.post('/invitations/:invitationId/revoke', (c) => {
  const { db, now } = c.get('deps')
  const id = c.req.param('invitationId')
  try {
    const invitation = revokeInvitation(db, {
      invitationId: /^\d{1,15}$/.test(id) ? Number(id) : -1,
      reviewId: null,
      actorId: c.get('user').id,
      now: now(),
    })
    setFlash(c, `The invitation for ${invitation.email} was withdrawn; its link no longer works.`)
    return c.redirect('/admin/people', 303)
  } catch (error) {
    if (error instanceof StoreNotFoundError)
      return renderPeople(c, { values: {}, errors: { _form: error.message } }, 404)
    if (error instanceof StoreConflictError)
      return renderPeople(c, { values: {}, errors: { _form: error.message } }, 409)
    throw error
  }
})
