import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, screeningStatus } from '../../db/schema.ts'
import { testWeft, type TestWeft } from '../support/app.ts'
import { screeningTeam, type ScreeningTeam } from '../support/screening.ts'

function outcomeOf(weft: TestWeft, recordId: number) {
  return weft.db
    .select()
    .from(screeningStatus)
    .where(and(eq(screeningStatus.recordId, recordId), eq(screeningStatus.stage, 'title_abstract')))
    .get()
}

async function conflictOn(team: ScreeningTeam, recordId: number) {
  const url = `/reviews/${team.slug}/screening/title-abstract/records/${recordId}/vote`
  await team.reviewerA.post(url, { verdict: 'include' })
  await team.reviewerB.post(url, { verdict: 'exclude' })
}

describe('the conflict queue', () => {
  it('lists a disagreement for the owner with both votes', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    await conflictOn(team, team.recordIds[0]!)
    const html = await (await team.owner.get(`/reviews/${team.slug}/screening/title-abstract/conflicts`)).text()
    expect(html).toContain('1 record waits for a final verdict.')
    expect(html).toMatch(/<th scope="row">Alex Reviewer<\/th><td class="verdict verdict-include">Included</)
    expect(html).toMatch(/<th scope="row">Bea Reviewer<\/th><td class="verdict verdict-exclude">Excluded</)
  })

  it('shows a blind reviewer who is not the third reviewer no conflict, saying why', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    await conflictOn(team, team.recordIds[0]!)
    const response = await team.reviewerA.get(`/reviews/${team.slug}/screening/title-abstract/conflicts`)
    const html = await response.text()
    expect(html).toContain('Under blind screening, conflicts are shown to the owners, the third reviewer and viewers')
    expect(html).not.toContain('Bea Reviewer</strong>')
  })

  it('lets a viewer read the conflicts and their votes, without the forms to resolve them', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    await conflictOn(team, team.recordIds[0]!)
    const response = await team.viewer.get(`/reviews/${team.slug}/screening/title-abstract/conflicts`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Bea Reviewer</th><td class="verdict verdict-exclude">Excluded')
    expect(html).not.toContain('Resolve as include')
    const resolve = await team.viewer.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${team.recordIds[0]}/resolve`,
      { verdict: 'include' },
    )
    expect(resolve.status).toBe(403)
  })

  it('lets the owner set the final verdict with a note, audited', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await conflictOn(team, record!)
    const response = await team.owner.post(`/reviews/${team.slug}/screening/title-abstract/records/${record}/resolve`, {
      verdict: 'include',
      note: 'Discussed: link workers are interviewed',
    })
    expect(response.status).toBe(303)
    expect(outcomeOf(weft, record!)).toMatchObject({ outcome: 'included', resolved: true })
    const event = weft.db.select().from(auditEvents).where(eq(auditEvents.action, 'screening.resolved')).get()
    expect(event?.after).toMatchObject({ verdict: 'include', note: 'Discussed: link workers are interviewed' })
  })

  it('lets a named third reviewer resolve conflicts', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await team.owner.post(`/reviews/${team.slug}/screening/allocation/third-reviewer`, {
      userId: String(team.userIds.viewer),
    })
    expect(
      weft.db.select().from(auditEvents).where(eq(auditEvents.action, 'screening.third_reviewer_named')).get(),
    ).toBeUndefined()
    await conflictOn(team, record!)
    const named = await team.owner.post(`/reviews/${team.slug}/screening/allocation/third-reviewer`, {
      userId: String(team.userIds.reviewerB),
    })
    expect(named.status).toBe(303)
    const response = await team.reviewerB.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${record}/resolve`,
      { verdict: 'exclude' },
    )
    expect(response.status).toBe(303)
    expect(outcomeOf(weft, record!)).toMatchObject({ outcome: 'excluded', resolved: true })
  })

  it('stops reviewers changing a resolved record’s votes until an owner reopens it', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    const base = `/reviews/${team.slug}/screening/title-abstract/records/${record}`
    await conflictOn(team, record!)
    await team.owner.post(`${base}/resolve`, { verdict: 'exclude' })
    const refused = await team.reviewerA.post(`${base}/vote`, { verdict: 'exclude' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('This record has been resolved')
    await team.owner.post(`${base}/reopen`, { note: 'New information from the authors' })
    expect(outcomeOf(weft, record!)?.outcome).toBe('reopened')
    expect((await team.reviewerA.post(`${base}/vote`, { verdict: 'exclude' })).status).toBe(303)
    expect(outcomeOf(weft, record!)).toMatchObject({ outcome: 'excluded', resolved: false })
  })

  it('refuses to resolve a record that is not in conflict, saying why (409, the queue again)', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    const response = await team.owner.post(`/reviews/${team.slug}/screening/title-abstract/records/${record}/resolve`, {
      verdict: 'include',
    })
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('Nothing was changed: This record is not waiting for a resolution')
    expect(outcomeOf(weft, record!)).toBeUndefined()
  })
})
