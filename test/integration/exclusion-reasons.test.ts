import { describe, expect, it } from 'vitest'
import { exclusionReasons, screeningVotes } from '../../db/schema.ts'
import { DEFAULT_EXCLUSION_REASONS } from '../../src/domain/exclusion-reasons.ts'
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts'
import { Agent, reviewOwnedBy, signedIn, TEST_HASHER, testWeft } from '../support/app.ts'

async function reviewWithOwner() {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  const labels = () =>
    weft.db
      .select()
      .from(exclusionReasons)
      .orderBy(exclusionReasons.position)
      .all()
      .map((r) => r.label)
  const idOf = (label: string) =>
    weft.db
      .select()
      .from(exclusionReasons)
      .all()
      .find((r) => r.label === label)!.id
  return { weft, owner, base: `/reviews/${slug}/exclusion-reasons`, labels, idOf }
}

describe('full-text exclusion reasons', () => {
  it('adds a reason at the end of the hierarchy', async () => {
    const { owner, base, labels } = await reviewWithOwner()
    expect((await owner.post(base, { label: 'Duplicate report of an included study' })).status).toBe(303)
    expect(labels().at(-1)).toBe('Duplicate report of an included study')
  })

  it('moves a reason up and down the hierarchy', async () => {
    const { owner, base, labels, idOf } = await reviewWithOwner()
    const second = DEFAULT_EXCLUSION_REASONS[1]!
    await owner.post(`${base}/${idOf(second)}/move`, { direction: 'up' })
    expect(labels().slice(0, 2)).toEqual([second, DEFAULT_EXCLUSION_REASONS[0]])
    await owner.post(`${base}/${idOf(second)}/move`, { direction: 'down' })
    expect(labels()).toEqual(DEFAULT_EXCLUSION_REASONS)
  })

  it('renames and deletes a reason', async () => {
    const { owner, base, labels, idOf } = await reviewWithOwner()
    await owner.post(`${base}/${idOf('Wrong population')}`, { label: 'Not link workers' })
    expect(labels()).toContain('Not link workers')
    await owner.post(`${base}/${idOf('Not link workers')}/delete`)
    expect(labels()).not.toContain('Not link workers')
    expect(labels()).toHaveLength(DEFAULT_EXCLUSION_REASONS.length - 1)
  })

  it.each([
    ['an empty reason', { label: '  ' }, 'Write the reason'],
    ['an over-long reason', { label: 'r'.repeat(201) }, 'at most 200 characters'],
    [
      'a reason already in the list',
      { label: 'wrong POPULATION' },
      'The list already has the reason “Wrong population”.',
    ],
  ])('refuses %s and keeps the list as it was', async (_case, fields, message) => {
    const { owner, base, labels } = await reviewWithOwner()
    const response = await owner.post(base, fields)
    expect(response.status).toBe(422)
    expect(await response.text()).toContain(message)
    expect(labels()).toEqual(DEFAULT_EXCLUSION_REASONS)
  })

  it('refuses a move in an unknown direction', async () => {
    const { owner, base, idOf, labels } = await reviewWithOwner()
    const response = await owner.post(`${base}/${idOf('Wrong population')}/move`, { direction: 'sideways' })
    expect(response.status).toBe(422)
    expect(labels()).toEqual(DEFAULT_EXCLUSION_REASONS)
  })

  it('answers a link to an unknown reason with 404', async () => {
    const { owner, base } = await reviewWithOwner()
    expect((await owner.post(`${base}/424242/delete`)).status).toBe(404)
  })

  it('refuses to delete a reason that reviewers have given, saying so, and keeps it', async () => {
    const weft = testWeft()
    await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
    const owner = new Agent(weft)
    await owner.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const reasons = () => weft.db.select().from(exclusionReasons).all()
    const before = reasons()
    const givenId = weft.db
      .select()
      .from(screeningVotes)
      .all()
      .find((vote) => vote.reasonId !== null)!.reasonId
    const given = before.find((reason) => reason.id === givenId)!
    const response = await owner.post(`/reviews/link-workers/exclusion-reasons/${given.id}/delete`)
    expect(response.status).toBe(409)
    expect(await response.text()).toContain(`“${given.label}” is the reason given for excluding`)
    expect(reasons()).toEqual(before)
  })
})
