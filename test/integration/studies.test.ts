import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  appraisals,
  auditEvents,
  firstOrderConstructs,
  reports,
  secondOrderConstructs,
  studies,
} from '../../db/schema.ts'
import { includedCounts, includedStudies } from '../../src/store/studies.ts'
import { reviewOwnedBy, signedIn, testWeft, type Agent, type TestWeft } from '../support/app.ts'
import { importCitations, includeAtFullText, reviewIdOf, setScreeningOutcome } from '../support/screening-state.ts'

const CITATIONS = [
  { title: 'Link workers in practice: an ethnography', authors: ['Moffatt, Suzanne', 'Steer, M.'], year: 2017 },
  { title: 'Link workers in practice: interviews (thesis)', authors: ['Moffatt S'], year: 2017 },
  { title: 'Community connectors in general practice', authors: ['Alan Smith'], year: 2020 },
  { title: 'A report screened out at full text', authors: ['Evans, R.'], year: 2015 },
]

interface Setup {
  weft: TestWeft
  owner: Agent
  slug: string
  reviewId: number
  ids: number[]
  /** Studies of the first three records, which are included at full text; the fourth is excluded. */
  studyOf: number[]
}

async function setup(): Promise<Setup> {
  const weft = testWeft()
  const owner = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(owner)
  const reviewId = reviewIdOf(weft.db, slug)
  const ids = importCitations(weft.db, reviewId, { name: 'MEDLINE', kind: 'database' }, CITATIONS)
  for (const id of ids) setScreeningOutcome(weft.db, id, 'title_abstract', 'included')
  for (const id of ids) await owner.post(`/reviews/${slug}/reports/${id}/retrieved`)
  const studyOf = ids.slice(0, 3).map((id) => includeAtFullText(weft.db, id))
  setScreeningOutcome(weft.db, ids[3]!, 'full_text', 'excluded')
  return { weft, owner, slug, reviewId, ids, studyOf }
}

function studyIdOf(weft: TestWeft, recordId: number): number | null {
  return (
    weft.db.select({ studyId: reports.studyId }).from(reports).where(eq(reports.recordId, recordId)).get()?.studyId ??
    null
  )
}

function eventsOf(weft: TestWeft, action: string) {
  return weft.db.select().from(auditEvents).where(eq(auditEvents.action, action)).all()
}

describe('studies of included reports', () => {
  it('gives each included report a study of its own, named after its first author and year', async () => {
    const { weft, owner, slug, reviewId, studyOf } = await setup()
    expect(new Set(studyOf).size).toBe(3)
    expect(includedStudies(weft.db, reviewId).map((study) => study.label)).toEqual([
      'Moffatt 2017',
      'Moffatt 2017b',
      'Smith 2020',
    ])
    expect(eventsOf(weft, 'study.created')).toHaveLength(3)
    const html = await (await owner.get(`/reviews/${slug}/studies`)).text()
    expect(html).toContain('Moffatt 2017b')
    expect(html).not.toContain('A report screened out at full text')
    expect(includedCounts(weft.db, reviewId)).toEqual({ studies: 3, reports: 3 })
  })

  it('keeps a report in its study when it is included again', async () => {
    const { weft, ids, studyOf } = await setup()
    expect(includeAtFullText(weft.db, ids[0]!)).toBe(studyOf[0])
    expect(weft.db.select().from(studies).all()).toHaveLength(3)
  })

  it('merges two studies: one study with both reports, counted once, with what was extracted from either', async () => {
    const { weft, owner, slug, reviewId, ids, studyOf } = await setup()
    const [into, from] = [studyOf[0]!, studyOf[1]!]
    weft.db
      .insert(firstOrderConstructs)
      .values({ reviewId, studyId: from, quote: 'You are the glue', position: 0 })
      .run()
    weft.db
      .insert(secondOrderConstructs)
      .values({ reviewId, studyId: from, label: 'Holding the ring', position: 0 })
      .run()
    const response = await owner.post(`/reviews/${slug}/studies/${from}/merge`, { into: String(into) })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/reviews/${slug}/studies#study-${into}`)
    expect([studyIdOf(weft, ids[0]!), studyIdOf(weft, ids[1]!)]).toEqual([into, into])
    expect(weft.db.select().from(studies).where(eq(studies.id, from)).get()).toBeUndefined()
    expect(weft.db.select({ studyId: firstOrderConstructs.studyId }).from(firstOrderConstructs).all()).toEqual([
      { studyId: into },
    ])
    expect(weft.db.select({ studyId: secondOrderConstructs.studyId }).from(secondOrderConstructs).all()).toEqual([
      { studyId: into },
    ])
    expect(includedCounts(weft.db, reviewId)).toEqual({ studies: 2, reports: 3 })
    const merged = includedStudies(weft.db, reviewId).find((study) => study.id === into)
    expect(merged?.reports.map((report) => report.recordId)).toEqual([ids[0], ids[1]])
    const html = await (await owner.get(`/reviews/${slug}/studies`)).text()
    expect(html).toContain('Link workers in practice: an ethnography')
    expect(html).toContain('Link workers in practice: interviews (thesis)')
    expect(html).toContain('2 reports')
    const [event] = eventsOf(weft, 'study.merged')
    expect(event?.after).toEqual({ id: into, label: 'Moffatt 2017', reports: [ids[0], ids[1]] })
  })

  it('refuses to merge a study with itself', async () => {
    const { weft, owner, slug, studyOf } = await setup()
    const response = await owner.post(`/reviews/${slug}/studies/${studyOf[0]}/merge`, { into: String(studyOf[0]) })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('A study cannot be merged with itself')
    expect(eventsOf(weft, 'study.merged')).toHaveLength(0)
  })

  it('refuses to merge with a study of another review', async () => {
    const { weft, owner, slug, studyOf } = await setup()
    const otherReview = await reviewOwnedBy(owner, 'second-review', 'Second review')
    const otherId = reviewIdOf(weft.db, otherReview)
    const [foreign] = importCitations(weft.db, otherId, { name: 'Embase', kind: 'database' }, [CITATIONS[0]!])
    setScreeningOutcome(weft.db, foreign!, 'title_abstract', 'included')
    const foreignStudy = includeAtFullText(weft.db, foreign!)
    const refused = await owner.post(`/reviews/${slug}/studies/${studyOf[0]}/merge`, { into: String(foreignStudy) })
    expect(refused.status).toBe(404)
    expect(await refused.text()).toContain(`This review has no study ${foreignStudy}`)
    expect(studyIdOf(weft, foreign!)).toBe(foreignStudy)
  })

  it('refuses to merge away a study that has been appraised, but merges the other way round', async () => {
    const { weft, owner, slug, reviewId, ids, studyOf } = await setup()
    const [appraised, other] = [studyOf[0]!, studyOf[1]!]
    weft.db
      .insert(appraisals)
      .values({ reviewId, studyId: appraised, tool: 'casp_qualitative', kind: 'consensus', updatedAt: new Date() })
      .run()
    const refused = await owner.post(`/reviews/${slug}/studies/${appraised}/merge`, { into: String(other) })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('already has appraisals or extracted data, which merging would lose')
    expect(weft.db.select().from(appraisals).all()).toHaveLength(1)
    expect((await owner.post(`/reviews/${slug}/studies/${other}/merge`, { into: String(appraised) })).status).toBe(303)
    expect(studyIdOf(weft, ids[1]!)).toBe(appraised)
    expect(weft.db.select({ studyId: appraisals.studyId }).from(appraisals).all()).toEqual([{ studyId: appraised }])
  })

  it('refuses to merge a study none of whose reports is included', async () => {
    const { weft, owner, slug, ids, studyOf } = await setup()
    setScreeningOutcome(weft.db, ids[2]!, 'full_text', 'reopened')
    const response = await owner.post(`/reviews/${slug}/studies/${studyOf[2]}/merge`, { into: String(studyOf[0]) })
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('“Smith 2020” has no report included at full text')
  })

  it('asks which study to merge into when none is chosen', async () => {
    const { owner, slug, studyOf } = await setup()
    const response = await owner.post(`/reviews/${slug}/studies/${studyOf[0]}/merge`, { into: '' })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Choose the study to merge this one into.')
  })

  it('splits a report out of a merged study into a new study of its own', async () => {
    const { weft, owner, slug, reviewId, ids, studyOf } = await setup()
    await owner.post(`/reviews/${slug}/studies/${studyOf[1]}/merge`, { into: String(studyOf[0]) })
    const response = await owner.post(`/reviews/${slug}/studies/${studyOf[0]}/reports/${ids[1]}/split`)
    expect(response.status).toBe(303)
    const newStudy = studyIdOf(weft, ids[1]!)
    expect(newStudy).not.toBe(studyOf[0])
    expect(weft.db.select().from(studies).where(eq(studies.id, newStudy!)).get()?.label).toBe('Moffatt 2017b')
    expect(includedCounts(weft.db, reviewId)).toEqual({ studies: 3, reports: 3 })
    expect(eventsOf(weft, 'study.split')).toHaveLength(1)
  })

  it('refuses to split the only report of a study', async () => {
    const { owner, slug, ids, studyOf } = await setup()
    const response = await owner.post(`/reviews/${slug}/studies/${studyOf[2]}/reports/${ids[2]}/split`)
    expect(response.status).toBe(409)
    expect(await response.text()).toContain('is already the only report of “Smith 2020”')
  })

  it('refuses to split out a report that is no longer included', async () => {
    const { weft, owner, slug, ids, studyOf } = await setup()
    await owner.post(`/reviews/${slug}/studies/${studyOf[1]}/merge`, { into: String(studyOf[0]) })
    setScreeningOutcome(weft.db, ids[1]!, 'full_text', 'excluded')
    const response = await owner.post(`/reviews/${slug}/studies/${studyOf[0]}/reports/${ids[1]}/split`)
    expect(response.status).toBe(409)
    expect(await response.text()).toContain(`Report ${ids[1]} is not included at full text`)
    expect(studyIdOf(weft, ids[1]!)).toBe(studyOf[0])
  })

  it('renames a study, refusing an empty name and one another study has', async () => {
    const { weft, owner, slug, studyOf } = await setup()
    const empty = await owner.post(`/reviews/${slug}/studies/${studyOf[1]}/rename`, { label: '  ' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Name the study')
    const clash = await owner.post(`/reviews/${slug}/studies/${studyOf[1]}/rename`, { label: 'Smith 2020' })
    expect(clash.status).toBe(422)
    expect(await clash.text()).toContain('Another study is already called “Smith 2020”')
    const done = await owner.post(`/reviews/${slug}/studies/${studyOf[1]}/rename`, { label: 'Moffatt 2017 (thesis)' })
    expect(done.status).toBe(303)
    expect(weft.db.select().from(studies).where(eq(studies.id, studyOf[1]!)).get()?.label).toBe('Moffatt 2017 (thesis)')
    expect(eventsOf(weft, 'study.renamed')).toEqual([
      expect.objectContaining({ before: { label: 'Moffatt 2017b' }, after: { label: 'Moffatt 2017 (thesis)' } }),
    ])
  })

  it('counts a double-submitted merge once', async () => {
    const { weft, owner, slug, studyOf } = await setup()
    const token = owner.formToken() as string
    const path = `/reviews/${slug}/studies/${studyOf[1]}/merge`
    const first = await owner.post(path, { into: String(studyOf[0]) }, { token })
    const second = await owner.post(path, { into: String(studyOf[0]) }, { token })
    expect([first.status, second.status]).toEqual([303, 409])
    expect(eventsOf(weft, 'study.merged')).toHaveLength(1)
  })

  it('gives included reports without a study one each, from the studies page', async () => {
    const { weft, owner, slug, reviewId, ids } = await setup()
    weft.db.update(reports).set({ studyId: null }).where(eq(reports.recordId, ids[2]!)).run()
    expect(await (await owner.get(`/reviews/${slug}/studies`)).text()).toContain(
      '1 included report belongs to no study yet',
    )
    expect((await owner.post(`/reviews/${slug}/studies/unlinked`)).status).toBe(303)
    expect(studyIdOf(weft, ids[2]!)).not.toBeNull()
    expect(includedCounts(weft.db, reviewId)).toEqual({ studies: 3, reports: 3 })
  })
})
