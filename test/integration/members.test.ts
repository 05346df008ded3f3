import { describe, expect, it } from 'vitest'
import { auditEvents, memberships } from '../../db/schema.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'

async function reviewWithCoReviewer() {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  const coReviewer = await addAccount(weft.db, 'sam@example.org', 'Sam Second')
  return { weft, owner, slug, coReviewer }
}

describe('members of a review', () => {
  it('lets an owner add a co-reviewer by email, who then sees the review', async () => {
    const { weft, owner, slug } = await reviewWithCoReviewer()
    const added = await owner.post(`/reviews/${slug}/members`, { email: ' SAM@example.org ', role: 'reviewer' })
    expect(added.status).toBe(303)
    expect(await (await owner.get(`/reviews/${slug}/members`)).text()).toContain(
      'Sam Second joined the review as reviewer.',
    )
    const sam = new Agent(weft)
    await sam.signIn('sam@example.org')
    expect(await (await sam.get('/reviews')).text()).toContain('Link workers’ experiences')
    const event = weft.db
      .select()
      .from(auditEvents)
      .all()
      .find((e) => e.action === 'member.added')
    expect(event?.after).toEqual({ email: 'sam@example.org', role: 'reviewer' })
  })

  it.each([
    ['a malformed email', { email: 'sam@', role: 'reviewer' }, 'Enter an email address like name@example.org.'],
    [
      'an email without an account',
      { email: 'nobody@example.org', role: 'reviewer' },
      'No Weft account uses nobody@example.org: make an invitation link for them instead',
    ],
    ['an unknown role', { email: 'sam@example.org', role: 'boss' }, 'Choose owner, reviewer or viewer.'],
  ])('refuses %s with a message and adds nobody', async (_case, fields, message) => {
    const { weft, owner, slug } = await reviewWithCoReviewer()
    const response = await owner.post(`/reviews/${slug}/members`, fields)
    expect(response.status).toBe(422)
    expect(await response.text()).toContain(message)
    expect(weft.db.select().from(memberships).all()).toHaveLength(1)
  })

  it('refuses to add someone twice', async () => {
    const { owner, slug } = await reviewWithCoReviewer()
    await owner.post(`/reviews/${slug}/members`, { email: 'sam@example.org', role: 'reviewer' })
    const again = await owner.post(`/reviews/${slug}/members`, { email: 'sam@example.org', role: 'viewer' })
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('Sam Second is already a member of this review.')
  })

  it('changes a member’s role and audits before and after', async () => {
    const { weft, owner, slug, coReviewer } = await reviewWithCoReviewer()
    await owner.post(`/reviews/${slug}/members`, { email: 'sam@example.org', role: 'reviewer' })
    expect((await owner.post(`/reviews/${slug}/members/${coReviewer.id}`, { role: 'viewer' })).status).toBe(303)
    expect(
      weft.db
        .select()
        .from(memberships)
        .all()
        .find((m) => m.userId === coReviewer.id)?.role,
    ).toBe('viewer')
    const event = weft.db
      .select()
      .from(auditEvents)
      .all()
      .find((e) => e.action === 'member.role_changed')
    expect([event?.before, event?.after]).toEqual([{ role: 'reviewer' }, { role: 'viewer' }])
  })

  it('removes a member, who then gets 403 on the review', async () => {
    const { weft, owner, slug, coReviewer } = await reviewWithCoReviewer()
    await owner.post(`/reviews/${slug}/members`, { email: 'sam@example.org', role: 'reviewer' })
    expect((await owner.post(`/reviews/${slug}/members/${coReviewer.id}/remove`)).status).toBe(303)
    const sam = new Agent(weft)
    await sam.signIn('sam@example.org')
    expect((await sam.get(`/reviews/${slug}`)).status).toBe(403)
  })

  it('never removes or demotes the last owner (409: the review as it stands refuses it)', async () => {
    const { weft, owner, slug } = await reviewWithCoReviewer()
    const ownerId = weft.db.select().from(memberships).get()!.userId
    const removal = await owner.post(`/reviews/${slug}/members/${ownerId}/remove`)
    expect(removal.status).toBe(409)
    expect(await removal.text()).toContain('A review needs at least one owner')
    const demotion = await owner.post(`/reviews/${slug}/members/${ownerId}`, { role: 'reviewer' })
    expect(demotion.status).toBe(409)
    expect(weft.db.select().from(memberships).get()?.role).toBe('owner')
  })

  it('lets the last owner step down once someone else owns the review', async () => {
    const { weft, owner, slug, coReviewer } = await reviewWithCoReviewer()
    const ownerId = weft.db.select().from(memberships).get()!.userId
    await owner.post(`/reviews/${slug}/members`, { email: 'sam@example.org', role: 'owner' })
    expect((await owner.post(`/reviews/${slug}/members/${ownerId}`, { role: 'reviewer' })).status).toBe(303)
    expect(
      weft.db
        .select()
        .from(memberships)
        .all()
        .find((m) => m.userId === coReviewer.id)?.role,
    ).toBe('owner')
  })

  it('answers a link to a person who is not a member with a clear message', async () => {
    const { owner, slug } = await reviewWithCoReviewer()
    const response = await owner.post(`/reviews/${slug}/members/99999`, { role: 'viewer' })
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('That person is not a member of this review.')
  })
})
