import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { sessions, users } from '../../db/schema.ts'
import { createApp } from '../../src/app.tsx'
import { PRODUCTION_SCRYPT_COST } from '../../src/auth/password.ts'
import { SESSION_LIFETIME_MS } from '../../src/store/sessions.ts'
import { addAccount, Agent, PASSWORD, signedIn, testWeft } from '../support/app.ts'

describe('first account', () => {
  it('hashes at the production cost when the app is given no hasher, and signs in with it', async () => {
    const db = openDatabase(':memory:')
    const weft = { app: createApp({ db }), db, clock: { now: new Date(), advance: () => {} } }
    const visitor = new Agent(weft)
    expect(
      (await visitor.post('/setup', { name: 'Ada Admin', email: 'ada@example.org', password: PASSWORD })).status,
    ).toBe(303)
    const [admin] = db.select().from(users).all()
    expect(admin!.passwordHash.startsWith(`scrypt$${PRODUCTION_SCRYPT_COST.N}$${PRODUCTION_SCRYPT_COST.r}$`)).toBe(true)
    await visitor.post('/sign-out')
    const signIn = await visitor.post('/sign-in', { email: 'ada@example.org', password: PASSWORD })
    expect(signIn.status).toBe(303)
    expect((await visitor.get('/reviews')).status).toBe(200)
  })

  it('sends the first visitor of an empty Weft to create the administrator account', async () => {
    const weft = testWeft()
    const visitor = new Agent(weft)
    const home = await visitor.get('/')
    expect(home.headers.get('location')).toBe('/setup')
    const created = await visitor.post('/setup', { name: 'Ada Admin', email: 'Ada@Example.org ', password: PASSWORD })
    expect(created.status).toBe(303)
    const [admin] = weft.db.select().from(users).all()
    expect(admin).toMatchObject({ email: 'ada@example.org', isAdmin: true })
    expect((await visitor.get('/reviews')).status).toBe(200)
  })

  it('refuses a second set-up once an account exists', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'first@example.org')
    const late = new Agent(weft)
    expect((await late.get('/setup')).headers.get('location')).toBe('/sign-in')
    const response = await late.post('/setup', { name: 'Mallory', email: 'm@example.org', password: PASSWORD })
    expect(response.status).toBe(409)
    expect(weft.db.select().from(users).all()).toHaveLength(1)
  })

  it('says what is wrong with each field and stores nothing', async () => {
    const weft = testWeft()
    const response = await new Agent(weft).post('/setup', { name: '', email: 'not-an-email', password: 'short' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter your name.')
    expect(html).toContain('Enter an email address like name@example.org.')
    expect(html).toContain('Use a password of at least 10 characters.')
    expect(weft.db.select().from(users).all()).toHaveLength(0)
  })
})

describe('signing in and out', () => {
  it('stores only a hash of the session secret and sets a HttpOnly, SameSite=Lax cookie', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    const agent = new Agent(weft)
    const response = await agent.signIn('reviewer@example.org')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const secret = cookie.match(/weft_session=[^.]+\.([^;]+)/)?.[1]
    const [stored] = weft.db.select().from(sessions).all()
    expect(secret).toBeTruthy()
    expect(stored?.secretHash).not.toContain(secret!)
  })

  it('marks the cookie Secure behind an https proxy', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    const response = await new Agent(weft).post(
      '/sign-in',
      { email: 'reviewer@example.org', password: PASSWORD },
      // A browser on the https address sends that Origin; the proxy passes plain http with the header.
      { headers: { 'x-forwarded-proto': 'https', origin: 'https://localhost' } },
    )
    expect(response.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('refuses a wrong password without saying whether the account exists', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    const wrongPassword = await new Agent(weft).post('/sign-in', {
      email: 'reviewer@example.org',
      password: 'wrong password',
    })
    const noAccount = await new Agent(weft).post('/sign-in', {
      email: 'nobody@example.org',
      password: 'wrong password',
    })
    expect(wrongPassword.status).toBe(401)
    expect(noAccount.status).toBe(401)
    expect(await wrongPassword.text()).toContain('That email and password do not match an account.')
    expect(await noAccount.text()).toContain('That email and password do not match an account.')
  })

  it('locks an email for a while after five failed sign-ins, even with the right password', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    const attacker = new Agent(weft)
    for (let attempt = 0; attempt < 5; attempt++) {
      await attacker.post('/sign-in', { email: 'reviewer@example.org', password: `guess ${attempt}` })
    }
    const locked = await new Agent(weft).post('/sign-in', { email: 'reviewer@example.org', password: PASSWORD })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('900')
    expect(await locked.text()).toContain('Too many failed sign-ins')
    weft.clock.advance(15 * 60_000)
    expect((await new Agent(weft).post('/sign-in', { email: 'reviewer@example.org', password: PASSWORD })).status).toBe(
      303,
    )
  })

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const weft = testWeft()
    await addAccount(weft.db, 'reviewer@example.org')
    const back = await new Agent(weft).post('/sign-in?next=%2Freviews%2Fnew', {
      email: 'reviewer@example.org',
      password: PASSWORD,
    })
    expect(back.headers.get('location')).toBe('/reviews/new')
    const away = await new Agent(weft).post('/sign-in?next=%2F%2Fevil.example', {
      email: 'reviewer@example.org',
      password: PASSWORD,
    })
    expect(away.headers.get('location')).toBe('/reviews')
  })

  it('signs out: the old cookie no longer opens any page', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'reviewer@example.org')
    const oldCookie = agent.cookie
    expect((await agent.post('/sign-out')).status).toBe(303)
    expect(weft.db.select().from(sessions).all()).toHaveLength(0)
    const replay = await weft.app.request('/reviews', { headers: { cookie: oldCookie } })
    expect(replay.status).toBe(303)
    expect(replay.headers.get('location')).toMatch(/^\/sign-in/)
  })

  it('tells a person whose session expired that their change was not saved', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'reviewer@example.org')
    const token = agent.formToken() as string
    weft.clock.advance(SESSION_LIFETIME_MS + 1000)
    const response = await agent.post(
      '/reviews',
      { title: 'Late review', slug: 'late' },
      { token, headers: { referer: 'http://localhost/reviews/new' } },
    )
    expect(response.status).toBe(303)
    const location = response.headers.get('location') ?? ''
    expect(location).toBe('/sign-in?next=%2Freviews%2Fnew&expired=unsaved')
    const page = await agent.get(location)
    expect(await page.text()).toContain('your last change was not saved')
  })

  it('keeps an active reviewer signed in by extending the session', async () => {
    const weft = testWeft()
    const agent = await signedIn(weft, 'reviewer@example.org')
    weft.clock.advance(SESSION_LIFETIME_MS - 60_000)
    expect((await agent.get('/reviews')).status).toBe(200)
    weft.clock.advance(SESSION_LIFETIME_MS - 60_000)
    expect((await agent.get('/reviews')).status).toBe(200)
  })
})

describe('administrator', () => {
  it('creates accounts for co-reviewers; nobody else may', async () => {
    const weft = testWeft()
    const admin = await signedIn(weft, 'admin@example.org')
    const created = await admin.post('/admin/people', {
      name: 'Sam Second',
      email: 'sam@example.org',
      password: PASSWORD,
    })
    expect(created.status).toBe(303)
    const duplicate = await admin.post('/admin/people', {
      name: 'Sam Again',
      email: 'SAM@example.org',
      password: PASSWORD,
    })
    expect(duplicate.status).toBe(422)
    expect(await duplicate.text()).toContain('An account with the email sam@example.org already exists.')
    const sam = new Agent(weft)
    await sam.signIn('sam@example.org')
    expect((await sam.get('/admin/people')).status).toBe(403)
  })
})
