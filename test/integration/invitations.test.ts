import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, invitations, memberships, users } from '../../db/schema.ts'
import { sha256 } from '../../src/auth/tokens.ts'
import { Agent, addAccount, PASSWORD, reviewOwnedBy, signedIn, testWeft, type TestWeft } from '../support/app.ts'

const INVITEE = 'bea@example.org'

async function reviewWithOwner(weft = testWeft()) {
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  return { weft, owner, slug }
}

/** The link the page shows once; its path is what the invitee opens. */
async function invite(owner: Agent, slug: string, email = INVITEE, role = 'reviewer') {
  const response = await owner.post(`/reviews/${slug}/invitations`, { email, role })
  const html = await response.text()
  const url = html.match(/id="invitation-url"[^>]*value="([^"]+)"/)?.[1] ?? ''
  return { response, html, url, path: url ? new URL(url).pathname : '' }
}

function eventsOf(weft: TestWeft, action: string) {
  return weft.db.select().from(auditEvents).where(eq(auditEvents.action, action)).all()
}

function roleOf(weft: TestWeft, email: string): string | undefined {
  const user = weft.db.select().from(users).where(eq(users.email, email)).get()
  if (!user) return undefined
  return weft.db.select().from(memberships).where(eq(memberships.userId, user.id)).get()?.role
}

describe('invitation links', () => {
  it('shows the owner a link once, and stores only its hash', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const { response, url } = await invite(owner, slug)
    expect(response.status).toBe(201)
    expect(url).toMatch(/^http:\/\/localhost\/invitations\/[\w-]{40,}$/)
    const token = url.split('/').pop()!
    const [stored] = weft.db.select().from(invitations).all()
    expect(stored).toMatchObject({ email: INVITEE, role: 'reviewer', tokenHash: sha256(token) })
    expect(JSON.stringify(weft.db.select().from(invitations).all())).not.toContain(token)
    expect(JSON.stringify(weft.db.select().from(auditEvents).all())).not.toContain(token)
    const members = await (await owner.get(`/reviews/${slug}/members`)).text()
    expect(members).toContain(INVITEE)
    expect(members).not.toContain(token)
    expect(eventsOf(weft, 'invitation.created')).toHaveLength(1)
  })

  it('lets the invitee set a name and password, and join in the chosen role, signed in', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const { path } = await invite(owner, slug, 'Bea@Example.org', 'viewer')
    const bea = new Agent(weft)
    const page = await (await bea.get(path)).text()
    expect(page).toContain('Join “Link workers’ experiences”')
    expect(page).toContain('you sign in with bea@example.org')
    const joined = await bea.post(path, { name: 'Bea Reviewer', password: 'a long enough password' })
    expect(joined.status).toBe(303)
    expect(joined.headers.get('location')).toBe(`/reviews/${slug}`)
    expect(roleOf(weft, INVITEE)).toBe('viewer')
    expect((await bea.get(`/reviews/${slug}`)).status).toBe(200)
    expect(weft.db.select().from(invitations).get()?.acceptedAt).not.toBeNull()
    expect(eventsOf(weft, 'invitation.accepted')).toHaveLength(1)
    expect(eventsOf(weft, 'member.added')).toHaveLength(1)
  })

  it('works once: a second use, a withdrawn link and an expired one change nothing', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const used = await invite(owner, slug)
    await new Agent(weft).post(used.path, { name: 'Bea', password: 'a long enough password' })
    const again = await new Agent(weft).post(used.path, { name: 'Mallory', password: 'a long enough password' })
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('already been used')

    const withdrawn = await invite(owner, slug, 'cam@example.org')
    const id = weft.db.select().from(invitations).where(eq(invitations.email, 'cam@example.org')).get()!.id
    expect((await owner.post(`/reviews/${slug}/invitations/${id}/revoke`)).status).toBe(303)
    const late = await new Agent(weft).get(withdrawn.path)
    expect(late.status).toBe(410)
    expect(await late.text()).toContain('withdrew this invitation')

    const stale = await invite(owner, slug, 'dee@example.org')
    weft.clock.advance(7 * 24 * 60 * 60 * 1000 + 1)
    const expired = await new Agent(weft).post(stale.path, { name: 'Dee', password: 'a long enough password' })
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('expired')
    expect(
      weft.db
        .select()
        .from(users)
        .all()
        .map((user) => user.email),
    ).toEqual(['owner@example.org', INVITEE])
    expect((await new Agent(weft).get('/invitations/not-a-real-token')).status).toBe(404)
  })

  it('replaces a pending link when the same person is invited again', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const first = await invite(owner, slug)
    const second = await invite(owner, slug, INVITEE, 'owner')
    expect((await new Agent(weft).get(first.path)).status).toBe(410)
    await new Agent(weft).post(second.path, { name: 'Bea', password: 'a long enough password' })
    expect(roleOf(weft, INVITEE)).toBe('owner')
  })

  it('lets someone signed in just join, and sends an existing account to sign in first', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const signedInBea = await signedIn(weft, INVITEE)
    const { path } = await invite(owner, slug)
    expect(await (await signedInBea.get(path)).text()).toContain('Join the review')
    expect((await signedInBea.post(path)).status).toBe(303)
    expect(roleOf(weft, INVITEE)).toBe('reviewer')

    await addAccount(weft.db, 'cam@example.org')
    const cam = await invite(owner, slug, 'cam@example.org')
    const anonymous = new Agent(weft)
    const page = await (await anonymous.get(cam.path)).text()
    expect(page).toContain(`href="/sign-in?next=${encodeURIComponent(cam.path)}"`)
    const signIn = await anonymous.post(`/sign-in?next=${encodeURIComponent(cam.path)}`, {
      email: 'cam@example.org',
      password: PASSWORD,
    })
    expect(signIn.headers.get('location')).toBe(cam.path)
    expect((await anonymous.post(cam.path)).status).toBe(303)
    expect(roleOf(weft, 'cam@example.org')).toBe('reviewer')
  })

  it('refuses a short password at its field and stores nothing', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const { path } = await invite(owner, slug)
    const response = await new Agent(weft).post(path, { name: 'Bea', password: 'short' })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Use a password of at least 10 characters.')
    expect(roleOf(weft, INVITEE)).toBeUndefined()
    expect(weft.db.select().from(invitations).get()?.acceptedAt).toBeNull()
  })

  it('lets only owners invite, and refuses to invite a member', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    const rita = await signedIn(weft, 'rita@example.org')
    await owner.post(`/reviews/${slug}/members`, { email: 'rita@example.org', role: 'reviewer' })
    expect((await rita.post(`/reviews/${slug}/invitations`, { email: INVITEE, role: 'owner' })).status).toBe(403)
    const member = await invite(owner, slug, 'rita@example.org')
    expect(member.response.status).toBe(422)
    expect(member.html).toContain('is already a member of this review')
    expect(weft.db.select().from(invitations).all()).toEqual([])
  })

  it('lists every pending invitation for the administrator, who may withdraw one', async () => {
    const { weft, owner, slug } = await reviewWithOwner()
    await invite(owner, slug)
    const other = await signedIn(weft, 'other@example.org')
    await reviewOwnedBy(other, 'other-review', 'Another review')
    const theirs = await invite(other, 'other-review', 'zed@example.org')
    expect((await other.get('/admin/people')).status).toBe(403)
    const people = await (await owner.get('/admin/people')).text()
    expect(people).toContain(INVITEE)
    expect(people).toContain('zed@example.org')
    expect(people).toContain('Another review')
    const id = weft.db.select().from(invitations).where(eq(invitations.email, 'zed@example.org')).get()!.id
    expect((await owner.post(`/admin/invitations/${id}/revoke`)).status).toBe(303)
    expect((await new Agent(weft).get(theirs.path)).status).toBe(410)
    expect(eventsOf(weft, 'invitation.revoked')).toHaveLength(1)
  })
})
