import { Hono } from 'hono'
import { SetupPage } from '../../views/auth/setup.tsx'
import { SignInPage } from '../../views/auth/sign-in.tsx'
import { emptyForm, type FormState } from '../../views/components/forms.tsx'
import { MIN_PASSWORD_LENGTH, newAccountInput, signInInput } from '../input/account-input.ts'
import { formValues, validate } from '../input/form.ts'
import type { AppEnv } from '../http/env.ts'
import { setFlash } from '../http/flash.ts'
import { afterChange, submitForm } from '../http/form-action.ts'
import { pageContext } from '../http/page-context.ts'
import { endSession, startSession } from '../http/session.ts'
import { countUsers, createUser, findUserByEmail } from '../store/users.ts'

export const authRoutes = new Hono<AppEnv>()

/** Only paths on this site may follow a sign-in, so a crafted link cannot send people elsewhere. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/reviews'
}

const NOTICES: Record<string, string> = {
  '1': 'Your session has expired. Please sign in again.',
  unsaved: 'Your session expired, so your last change was not saved. Sign in and make it again.',
}

authRoutes.get('/', (c) => {
  if (countUsers(c.get('deps').db) === 0) return c.redirect('/setup', 303)
  return c.redirect(c.get('user') ? '/reviews' : '/sign-in', 303)
})

authRoutes.get('/setup', (c) => {
  if (countUsers(c.get('deps').db) > 0) return c.redirect('/sign-in', 303)
  return c.render(<SetupPage page={pageContext(c.var)} form={emptyForm} minPasswordLength={MIN_PASSWORD_LENGTH} />)
})

authRoutes.post('/setup', (c) =>
  submitForm(
    c,
    newAccountInput,
    (form, status) =>
      c.render(<SetupPage page={pageContext(c.var)} form={form} minPasswordLength={MIN_PASSWORD_LENGTH} />, {
        status,
      }),
    async (input) => {
      const { db, passwordHasher } = c.get('deps')
      const user = await createUser(db, input, null, { firstAccountOnly: true, hasher: passwordHasher })
      startSession(c, user.id)
      return afterChange(c, 'Your administrator account is ready. Create your first review.', '/reviews/new')
    },
  ),
)

authRoutes.get('/sign-in', (c) => {
  if (countUsers(c.get('deps').db) === 0) return c.redirect('/setup', 303)
  const next = safeNext(c.req.query('next'))
  if (c.get('user')) return c.redirect(next, 303)
  const notice = NOTICES[c.req.query('expired') ?? '']
  return c.render(<SignInPage page={pageContext(c.var)} form={emptyForm} next={next} notice={notice} />)
})

authRoutes.post('/sign-in', async (c) => {
  const { db, signInThrottle } = c.get('deps')
  const next = safeNext(c.req.query('next'))
  const values = formValues(await c.req.parseBody())
  const input = validate(signInInput, values)
  const render = (form: FormState, status: 401 | 422 | 429) =>
    c.render(<SignInPage page={pageContext(c.var)} form={form} next={next} />, { status })
  const refuse = (message: string, status: 401 | 429) => render({ values, errors: { _form: message } }, status)
  if (!input.ok) return render(input, 422)
  const { email, password } = input.value
  const wait = signInThrottle.retryAfterSeconds(email)
  if (wait > 0) {
    c.header('Retry-After', String(wait))
    return refuse(`Too many failed sign-ins for ${email}. Try again in ${Math.ceil(wait / 60)} minutes.`, 429)
  }
  const user = findUserByEmail(db, email)
  // Hash even when there is no such user, so response time does not reveal which emails have accounts.
  const { passwordHasher } = c.get('deps')
  const matches = await passwordHasher.verify(password, user?.passwordHash ?? passwordHasher.decoyHash)
  if (!user || !matches) {
    signInThrottle.recordFailure(email)
    return refuse('That email and password do not match an account.', 401)
  }
  signInThrottle.recordSuccess(email)
  startSession(c, user.id)
  return c.redirect(next, 303)
})

authRoutes.post('/sign-out', (c) => {
  endSession(c)
  setFlash(c, 'You are signed out.')
  return c.redirect('/sign-in', 303)
})
