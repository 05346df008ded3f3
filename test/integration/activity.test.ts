import { describe, expect, it } from 'vitest'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'

describe('activity page', () => {
  it('lists every change newest first, with who did it, 50 to a page', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const slug = await reviewOwnedBy(owner)
    for (let n = 1; n <= 55; n++) {
      weft.clock.advance(1000)
      const response = await owner.post(`/reviews/${slug}/sources`, { name: `Source ${n}`, kind: 'database' })
      expect(response.status).toBe(303)
    }
    const first = await (await owner.get(`/reviews/${slug}/activity`)).text()
    expect(first.indexOf('Source 55')).toBeLessThan(first.indexOf('Source 54'))
    expect(first).toContain('owner')
    expect(first).not.toContain('name: Source 5;') // the 5th source is on the second page
    const older = first.match(/href="([^"]+activity\?before=\d+)"/)?.[1]
    expect(older).toBeTruthy()
    const second = await (await owner.get(older!)).text()
    expect(second).toContain('review.created')
    expect(second).toContain('name: Source 1;')
    expect(second).not.toContain('Older activity')
  })

  it('ignores a malformed page marker instead of failing', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const slug = await reviewOwnedBy(owner)
    const response = await owner.get(`/reviews/${slug}/activity?before=drop%20table`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('review.created')
  })
})
