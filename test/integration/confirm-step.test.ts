import { describe, expect, it } from 'vitest'
import { memberships } from '../../db/schema.ts'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'

async function reviewWithReviewer() {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  await signedIn(weft, 'bea@example.org')
  await owner.post(`/reviews/${slug}/members`, { email: 'bea@example.org', role: 'reviewer' })
  const bea = weft.db
    .select()
    .from(memberships)
    .all()
    .find((row) => row.role === 'reviewer')!
  return { weft, owner, slug, removeUrl: `/reviews/${slug}/members/${bea.userId}/remove` }
}

describe('the confirmation step of a form that asks first', () => {
  it('answers an unconfirmed post with a page that asks, and changes nothing', async () => {
    const { weft, owner, slug, removeUrl } = await reviewWithReviewer()
    const response = await owner.post(
      removeUrl,
      { _confirm: 'Remove bea from this review?', _confirm_button: 'Remove bea' },
      { headers: { referer: `http://localhost/reviews/${slug}/members` } },
    )
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<p class="question">Remove bea from this review?</p>')
    expect(html).toContain(`<form method="post" action="${removeUrl}">`)
    expect(html).toContain('<input type="hidden" name="_confirmed" value="yes"/>')
    expect(html).toContain(`href="/reviews/${slug}/members">No, go back</a>`)
    expect(weft.db.select().from(memberships).all()).toHaveLength(2)
  })

  it('acts on the confirmed post, and on a post from a form that does not ask', async () => {
    const { weft, owner, removeUrl } = await reviewWithReviewer()
    const confirmed = await owner.post(removeUrl, { _confirm: 'Remove bea from this review?', _confirmed: 'yes' })
    expect(confirmed.status).toBe(303)
    expect(weft.db.select().from(memberships).all()).toHaveLength(1)
  })

  it('goes back only to a page of this site', async () => {
    const { owner, slug, removeUrl } = await reviewWithReviewer()
    const html = await (
      await owner.post(removeUrl, { _confirm: 'Remove bea?' }, { headers: { referer: 'https://evil.example/x' } })
    ).text()
    expect(html).toContain(`href="/reviews/${slug}">No, go back</a>`)
  })

  it('lands a confirmation sent twice on the review, saying nothing was changed again', async () => {
    const { weft, owner, slug, removeUrl } = await reviewWithReviewer()
    const confirmPage = owner.formToken()
    // The confirmation page's address is the action itself (the answer to a post), so its Referer is too.
    const headers = { referer: `http://localhost${removeUrl}` }
    const fields = { _confirm: 'Remove bea from this review?', _confirmed: 'yes' }
    expect((await owner.post(removeUrl, fields, { token: confirmPage, headers })).status).toBe(303)
    const again = await owner.post(removeUrl, fields, { token: confirmPage, headers })
    expect(again.status).toBe(303)
    expect(again.headers.get('location')).toBe(`/reviews/${slug}`)
    const html = await (await owner.get(`/reviews/${slug}`)).text()
    expect(html).toContain('This form was already used, so nothing was changed; here is the review as it stands.')
    expect(weft.db.select().from(memberships).all()).toHaveLength(1)
  })
})
