import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { exclusionReasons, reports, screeningStatus, studies } from '../../db/schema.ts'
import { testWeft, type TestWeft } from '../support/app.ts'
import { screeningTeam, type ScreeningTeam } from '../support/screening.ts'

/** Includes the record at title/abstract (both reviewers) and marks its report retrieved. */
async function retrievedReport(weft: TestWeft, team: ScreeningTeam, recordId: number) {
  const url = `/reviews/${team.slug}/screening/title-abstract/records/${recordId}/vote`
  await team.reviewerA.post(url, { verdict: 'include' })
  await team.reviewerB.post(url, { verdict: 'include' })
  weft.db
    .insert(reports)
    .values({ recordId, reviewId: team.reviewId, retrieval: 'retrieved', updatedAt: new Date() })
    .run()
}

function reasons(weft: TestWeft, team: ScreeningTeam) {
  return weft.db
    .select()
    .from(exclusionReasons)
    .where(eq(exclusionReasons.reviewId, team.reviewId))
    .orderBy(exclusionReasons.position)
    .all()
}

function fullTextStatus(weft: TestWeft, recordId: number) {
  return weft.db
    .select()
    .from(screeningStatus)
    .where(and(eq(screeningStatus.recordId, recordId), eq(screeningStatus.stage, 'full_text')))
    .get()
}

describe('full-text screening', () => {
  it('needs a reason to exclude a report', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const response = await team.reviewerA.post(`/reviews/${team.slug}/screening/full-text/records/${record}/vote`, {
      verdict: 'exclude',
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose the reason for excluding this report.')
    expect(fullTextStatus(weft, record!)).toBeUndefined()
  })

  it('refuses a reason that belongs to another review', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const other = await screeningTeam(weft, { slug: 'another-review' })
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const foreign = reasons(weft, other)[0]!
    const response = await team.reviewerA.post(`/reviews/${team.slug}/screening/full-text/records/${record}/vote`, {
      verdict: 'exclude',
      reasonId: String(foreign.id),
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('That exclusion reason is not one of this review’s.')
  })

  it('makes a conflict of two exclusions for different reasons, which a resolver settles with one reason', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const [first, , third] = reasons(weft, team)
    const url = `/reviews/${team.slug}/screening/full-text/records/${record}`
    await team.reviewerA.post(`${url}/vote`, { verdict: 'exclude', reasonId: String(third!.id) })
    await team.reviewerB.post(`${url}/vote`, { verdict: 'exclude', reasonId: String(first!.id) })
    expect(fullTextStatus(weft, record!)).toMatchObject({ outcome: 'conflict', reasonId: null })
    const conflicts = await (await team.owner.get(`/reviews/${team.slug}/screening/full-text/conflicts`)).text()
    expect(conflicts).toContain(`conflict-${record}`)
    await team.owner.post(`${url}/resolve`, { verdict: 'exclude', reasonId: String(third!.id), note: 'Wrong setting' })
    expect(fullTextStatus(weft, record!)).toMatchObject({ outcome: 'excluded', reasonId: third!.id, resolved: true })
  })

  it('excludes a report with the reason both reviewers gave', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const [, second] = reasons(weft, team)
    const url = `/reviews/${team.slug}/screening/full-text/records/${record}/vote`
    await team.reviewerA.post(url, { verdict: 'exclude', reasonId: String(second!.id) })
    await team.reviewerB.post(url, { verdict: 'exclude', reasonId: String(second!.id) })
    expect(fullTextStatus(weft, record!)).toMatchObject({ outcome: 'excluded', reasonId: second!.id })
  })

  it('sets the final reason when a resolver settles a full-text conflict', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const [, second] = reasons(weft, team)
    const url = `/reviews/${team.slug}/screening/full-text/records/${record}`
    await team.reviewerA.post(`${url}/vote`, { verdict: 'include' })
    await team.reviewerB.post(`${url}/vote`, { verdict: 'exclude', reasonId: String(second!.id) })
    expect(fullTextStatus(weft, record!)?.outcome).toBe('conflict')
    await team.owner.post(`${url}/resolve`, {
      verdict: 'exclude',
      reasonId: String(second!.id),
      note: 'Agreed after reading the methods',
    })
    expect(fullTextStatus(weft, record!)).toMatchObject({ outcome: 'excluded', reasonId: second!.id, resolved: true })
  })

  it('keeps the title/abstract verdict fixed once full-text work has begun', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const response = await team.reviewerA.post(
      `/reviews/${team.slug}/screening/title-abstract/records/${record}/vote`,
      { verdict: 'exclude' },
    )
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('Retrieval or full-text screening has begun')
  })
})

describe('a report included at full text', () => {
  it('joins a study of its own, named after its first author and year', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft)
    const [record] = team.recordIds
    await retrievedReport(weft, team, record!)
    const url = `/reviews/${team.slug}/screening/full-text/records/${record}/vote`
    await team.reviewerA.post(url, { verdict: 'include' })
    expect(weft.db.select().from(reports).where(eq(reports.recordId, record!)).get()?.studyId).toBeNull()
    await team.reviewerB.post(url, { verdict: 'include' })
    const studyId = weft.db.select().from(reports).where(eq(reports.recordId, record!)).get()?.studyId
    expect(weft.db.select().from(studies).where(eq(studies.id, studyId!)).get()?.label).toBe('Author0 2020')
  })
})
