import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditEvents, reports, sources } from '../../db/schema.ts'
import { recordInStage } from '../../src/store/screening-stage.ts'
import { findSoughtReport } from '../../src/store/reports.ts'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'
import { screeningTeam } from '../support/screening.ts'

const MEDLINE = {
  name: 'MEDLINE',
  platform: 'Ovid',
  kind: 'database',
  dateRun: '2026-03-02',
  coverage: '1946 to February 27, 2026',
  strategy: '1 exp Social Prescribing/\n2 "link worker*".ti,ab.\n3 1 or 2',
  limits: 'Published 2000 onwards',
  filters: '',
  notes: 'PRESS peer reviewed',
}

async function reviewWithOwner() {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  return { weft, owner, base: `/reviews/${slug}/sources` }
}

describe('search log', () => {
  it('records a search as run, with its full strategy, and lists it', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const saved = await owner.post(base, MEDLINE)
    expect(saved.status).toBe(303)
    expect(weft.db.select().from(sources).get()).toMatchObject(MEDLINE)
    const list = await (await owner.get(base)).text()
    expect(list).toContain('MEDLINE')
    expect(list).toContain('Ovid')
    expect(list).toContain('run 2026-03-02')
    expect(list).toContain('1 exp Social Prescribing/')
  })

  it.each([
    ['an empty name', { name: '' }, 'name', 'Name the source, e.g. MEDLINE.'],
    ['an unknown kind', { kind: 'library' }, 'kind', 'Choose what kind of source this is.'],
    ['a malformed date', { dateRun: '02/03/2026' }, 'dateRun', 'Enter the date as YYYY-MM-DD'],
    ['an impossible date', { dateRun: '2026-02-30' }, 'dateRun', 'Enter the date as YYYY-MM-DD'],
    ['a date in the future', { dateRun: '2027-01-01' }, 'dateRun', 'The date run cannot be in the future.'],
    [
      'an over-long strategy',
      { strategy: 's'.repeat(100_001) },
      'strategy',
      'Search strategy must be at most 100,000 characters.',
    ],
  ])('refuses %s at its field and stores nothing', async (_case, change, field, message) => {
    const { weft, owner, base } = await reviewWithOwner()
    const response = await owner.post(base, { ...MEDLINE, ...change })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain(`id="error-${field}"`)
    expect(html).toContain(message)
    expect(weft.db.select().from(sources).all()).toHaveLength(0)
  })

  it('refuses a second source with the same name', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    await owner.post(base, MEDLINE)
    const again = await owner.post(base, { ...MEDLINE, platform: 'PubMed' })
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('The search log already has a source named “MEDLINE”.')
    expect(weft.db.select().from(sources).all()).toHaveLength(1)
  })

  it('edits a source and audits what changed', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    await owner.post(base, MEDLINE)
    const id = weft.db.select().from(sources).get()!.id
    expect(await (await owner.get(`${base}/${id}/edit`)).text()).toContain('value="Ovid"')
    expect((await owner.post(`${base}/${id}`, { ...MEDLINE, dateRun: '2026-06-01' })).status).toBe(303)
    const event = weft.db
      .select()
      .from(auditEvents)
      .all()
      .find((e) => e.action === 'source.updated')
    expect([event?.before, event?.after]).toEqual([{ dateRun: '2026-03-02' }, { dateRun: '2026-06-01' }])
  })

  it('deletes a source and keeps what it held in the audit trail', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    await owner.post(base, MEDLINE)
    const id = weft.db.select().from(sources).get()!.id
    expect((await owner.post(`${base}/${id}/delete`)).status).toBe(303)
    expect(weft.db.select().from(sources).all()).toHaveLength(0)
    const event = weft.db
      .select()
      .from(auditEvents)
      .all()
      .find((e) => e.action === 'source.deleted')
    expect(event?.before).toMatchObject({ name: 'MEDLINE', strategy: MEDLINE.strategy })
  })

  it('answers a link to a source of another review with 404', async () => {
    const { weft, owner, base } = await reviewWithOwner()
    const other = await reviewOwnedBy(owner, 'other-review', 'Other review')
    await owner.post(`/reviews/${other}/sources`, MEDLINE)
    const foreignId = weft.db.select().from(sources).get()!.id
    expect((await owner.get(`${base}/${foreignId}/edit`)).status).toBe(404)
    expect((await owner.post(`${base}/${foreignId}/delete`)).status).toBe(404)
    expect((await owner.get(`${base}/not-a-number/edit`)).status).toBe(404)
    expect(weft.db.select().from(sources).all()).toHaveLength(1)
  })
})

describe('a source’s kind and title/abstract screening', () => {
  it('says on the search log which sources skip title/abstract screening', async () => {
    const { owner, base } = await reviewWithOwner()
    await owner.post(base, { ...MEDLINE, name: 'Reference lists', kind: 'citation' })
    const list = await (await owner.get(base)).text()
    expect(list).toContain('straight to retrieval: no title/abstract screening (PRISMA 2020’s other methods)')
  })

  it('moves a source’s records out of screening once the change is confirmed, in one audited change', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 2 })
    const [voted, untouched] = team.recordIds as [number, number]
    await team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${voted}/vote`, {
      verdict: 'exclude',
    })
    const source = weft.db.select().from(sources).get()!
    const url = `/reviews/${team.slug}/sources/${source.id}`
    const asked = await team.owner.post(url, { ...MEDLINE, name: source.name, kind: 'citation' })
    expect(asked.status).toBe(422)
    const question = await asked.text()
    expect(question).toContain('2 records of MEDLINE will leave title/abstract screening and go straight to retrieval')
    expect(question).toContain('1 of them has title/abstract votes, which will no longer count')
    expect(weft.db.select().from(sources).get()!.kind).toBe('database')

    const confirmed = await team.owner.post(url, { ...MEDLINE, name: source.name, kind: 'citation', confirmKind: 'on' })
    expect(confirmed.status).toBe(303)
    expect(weft.db.select().from(sources).get()!.kind).toBe('citation')
    for (const id of [voted, untouched]) {
      expect(recordInStage(weft.db, id, team.reviewId, 'title_abstract')).toBe(false)
      expect(findSoughtReport(weft.db, team.reviewId, id)).toBeDefined()
    }
    const event = weft.db.select().from(auditEvents).where(eq(auditEvents.action, 'source.updated')).get()
    expect(event?.after).toMatchObject({ kind: 'citation', recordsMoved: 2, screening: 'out of title/abstract' })
  })

  it('refuses to move records back into screening once their retrieval has begun', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 1 })
    const source = weft.db.select().from(sources).get()!
    const url = `/reviews/${team.slug}/sources/${source.id}`
    await team.owner.post(url, { ...MEDLINE, name: source.name, kind: 'citation', confirmKind: 'on' })
    await team.owner.post(`/reviews/${team.slug}/reports/${team.recordIds[0]}/retrieved`)
    expect(weft.db.select().from(reports).all()).toHaveLength(1)
    const refused = await team.owner.post(url, { ...MEDLINE, name: source.name, kind: 'database', confirmKind: 'on' })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain(
      'Retrieval has begun for 1 record of MEDLINE, so its records cannot go back to title/abstract screening',
    )
    expect(weft.db.select().from(sources).get()!.kind).toBe('citation')
  })
})
