import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { PeoplePage } from '../../views/admin/people.tsx'
import { emptyForm, type FormState } from '../../views/components/forms.tsx'
import { MIN_PASSWORD_LENGTH, newAccountInput } from '../input/account-input.ts'
import { formValues, validate } from '../input/form.ts'
import type { AppEnv } from '../http/env.ts'
import { setFlash } from '../http/flash.ts'
import { conflictAsFormState } from '../http/form-state.ts'
import { pageContext } from '../http/page-context.ts'
import { requireUser } from '../http/session.ts'
import { createUser, listUsers } from '../store/users.ts'

export const adminRoutes = new Hono<AppEnv>()

adminRoutes.use('*', requireUser(), async function requireAdmin(c, next) {
  if (!c.get('user')?.isAdmin) {
    throw new HTTPException(403, { message: 'Only the administrator of this Weft can manage accounts.' })
  }
  await next()
})

function renderPeople(c: Context<AppEnv>, form: FormState, status: 200 | 422) {
  const people = listUsers(c.get('deps').db)
  return c.html(
    <PeoplePage page={pageContext(c.var)} people={people} form={form} minPasswordLength={MIN_PASSWORD_LENGTH} />,
    status,
  )
}

adminRoutes.get('/people', (c) => renderPeople(c, emptyForm, 200))

adminRoutes.post('/people', async (c) => {
  const input = validate(newAccountInput, formValues(await c.req.parseBody()))
  if (!input.ok) return renderPeople(c, input, 422)
  try {
    const { db, passwordHasher } = c.get('deps')
    const user = await createUser(db, input.value, c.get('user')!.id, { hasher: passwordHasher })
    setFlash(c, `Account created for ${user.name} (${user.email}).`)
    return c.redirect('/admin/people', 303)
  } catch (error) {
    return renderPeople(c, conflictAsFormState(error, input.value), 422)
  }
})
