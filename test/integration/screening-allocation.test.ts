import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { pilotRecords, reviews } from '../../db/schema.ts'
import { testWeft } from '../support/app.ts'
import { screeningTeam } from '../support/screening.ts'

describe('the pilot round', () => {
  it('has everyone screen the same random sample first and shows their agreement', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 10 })
    const started = await team.owner.post(`/reviews/${team.slug}/screening/allocation/pilot`, { size: '4' })
    expect(started.status).toBe(303)
    const sample = weft.db
      .select()
      .from(pilotRecords)
      .all()
      .map((row) => row.recordId)
      .sort((a, b) => a - b)
    expect(sample).toHaveLength(4)
    const verdicts = ['include', 'include', 'exclude', 'exclude']
    for (const [agent, flip] of [
      [team.reviewerA, false],
      [team.reviewerB, false],
      [team.owner, true],
    ] as const) {
      for (const [index, recordId] of sample.entries()) {
        const page = await (await agent.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
        expect(page).toContain(`Record ${recordId} `)
        const verdict = flip && index === 0 ? 'exclude' : verdicts[index]!
        expect(
          (await agent.post(`/reviews/${team.slug}/screening/title-abstract/records/${recordId}/vote`, { verdict }))
            .status,
        ).toBe(303)
      }
      const done = await (await agent.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
      expect(done).toContain('You have screened every pilot record')
    }
    const agreement = await (await team.owner.get(`/reviews/${team.slug}/screening/agreement?pilot=1`)).text()
    // Alex × Bea agree on all four: 2 include, 2 exclude → p_o = 1, p_e = 0.5, κ = 1.
    expect(agreement).toMatch(
      /Alex Reviewer × Bea Reviewer<\/td><td>4<\/td><td>2<\/td><td>0<\/td><td>0<\/td><td>2<\/td><td>100.0%<\/td><td>1.00/,
    )
    // The owner (first: the lower id) excluded a record the others included: a=1 b=0 c=1 d=2 → p_o = 0.75,
    // p_e = (1·2 + 3·2)/16 = 0.5, κ = 0.50.
    expect(agreement).toContain(
      'owner × Alex Reviewer</td><td>4</td><td>1</td><td>0</td><td>1</td><td>2</td><td>75.0%</td><td>0.50',
    )
    expect(agreement).toContain('3 reviewers share records')
    const ended = await team.owner.post(`/reviews/${team.slug}/screening/allocation/pilot/end`)
    expect(ended.status).toBe(303)
    expect(weft.db.select().from(reviews).where(eq(reviews.id, team.reviewId)).get()?.pilotActive).toBe(false)
    const full = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(full).toContain('Link worker study number')
  })

  it('refuses a pilot sample size that is not a number, saying so', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.owner.post(`/reviews/${team.slug}/screening/allocation/pilot`, { size: 'lots' })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Sample size: enter a whole number.')
  })
})

describe('assigned batches', () => {
  it('gives each reviewer only the records assigned to them', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 4 })
    weft.db.update(reviews).set({ screeningAllocation: 'assigned' }).where(eq(reviews.id, team.reviewId)).run()
    const before = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(before).toContain('Nothing is waiting for your vote')
    const response = await team.owner.post(`/reviews/${team.slug}/screening/allocation/batches`, {
      userId: String(team.userIds.reviewerA),
      stage: 'title_abstract',
      size: '2',
    })
    expect(response.status).toBe(303)
    const [first, second, third] = team.recordIds
    const page = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(page).toContain(`Record ${first} `)
    await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${first}/vote`, {
      verdict: 'include',
    })
    await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${second}/vote`, {
      verdict: 'include',
    })
    const after = await (await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract`)).text()
    expect(after).toContain('Nothing is waiting for your vote')
    expect(after).not.toContain(`Record ${third} `)
    const allocation = await (await team.owner.get(`/reviews/${team.slug}/screening/allocation`)).text()
    expect(allocation).toMatch(/Alex Reviewer<\/td><td>2<\/td>/)
  })

  it('refuses to assign a batch to a viewer', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const response = await team.owner.post(`/reviews/${team.slug}/screening/allocation/batches`, {
      userId: String(team.userIds.viewer),
      stage: 'title_abstract',
      size: '2',
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose a member of the review who screens')
  })
})
