import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  duplicateCandidates,
  importBatches,
  memberships,
  records,
  reports,
  reviews,
  screeningStatus,
  sources,
} from '../../db/schema.ts'
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts'
import { Agent, TEST_HASHER, testWeft } from '../support/app.ts'
import { walkAs } from '../support/route-walk.ts'

describe('demo review', () => {
  it('loads the link-worker meta-ethnography into an empty database and its login opens the dashboard', async () => {
    const weft = testWeft()
    expect(await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })).toBe(true)
    expect(weft.db.select().from(reviews).get()).toMatchObject({
      slug: 'link-workers',
      prismaTemplate: 'new_databases_registers_other',
      reviewersPerRecord: 2,
      blindScreening: true,
    })
    expect(weft.db.select().from(memberships).all()).toHaveLength(4)
    const sourceNames = weft.db
      .select()
      .from(sources)
      .all()
      .map((source) => source.name)
    expect(sourceNames).toEqual(
      expect.arrayContaining([
        'MEDLINE',
        'Embase',
        'CINAHL Complete',
        'APA PsycInfo',
        'Scopus',
        'Web of Science Core Collection',
        'Google alerts',
        'Reference lists of included studies',
      ]),
    )

    const demo = new Agent(weft)
    await demo.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const dashboard = await (await demo.get('/reviews/link-workers')).text()
    expect(dashboard).toContain('Link workers’ experiences of social prescribing')
    expect(dashboard).toContain('8 sources')
    const protocol = await (await demo.get('/reviews/link-workers/protocol')).text()
    expect(protocol).toContain('Social prescribing link workers under any job title')
  })

  it('has search results from five databases, with duplicates merged and some waiting for a reviewer', async () => {
    const weft = testWeft()
    await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
    expect(
      weft.db
        .select()
        .from(importBatches)
        .all()
        .map((batch) => batch.format),
    ).toEqual(['ris', 'ris', 'ris', 'csv', 'wos'])
    const rows = weft.db.select().from(records).all()
    expect(rows.length).toBeGreaterThanOrEqual(20)
    expect(rows.filter((row) => row.duplicateOf !== null).length).toBeGreaterThanOrEqual(5)
    const pending = weft.db
      .select()
      .from(duplicateCandidates)
      .all()
      .filter((pair) => pair.status === 'pending')
    expect(pending.length).toBeGreaterThanOrEqual(2)
    const demo = new Agent(weft)
    await demo.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const dashboard = await (await demo.get('/reviews/link-workers')).text()
    expect(dashboard).toContain('Duplicates removed automatically')
    expect(dashboard).toMatch(/possible duplicate pairs wait for a reviewer/)
  })

  it('leaves a database that already has accounts alone', async () => {
    const weft = testWeft()
    await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
    expect(await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })).toBe(false)
    expect(weft.db.select().from(reviews).all()).toHaveLength(1)
  })
})

describe('demo screening', () => {
  it('shows a blind conflict resolved by the third reviewer, and no page shows the second reviewer a vote still blind', async () => {
    const weft = testWeft()
    await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
    const recordOf = (title: string) =>
      weft.db
        .select()
        .from(records)
        .all()
        .find((record) => record.title?.startsWith(title) && record.duplicateOf === null)!.id
    const second = new Agent(weft)
    await second.signIn('second.reviewer@weft.local', DEMO_LOGIN.password)
    const base = '/reviews/link-workers/screening/title-abstract/records'
    // Resolved by the third reviewer: decided, so both votes and the resolution show.
    const resolved = await (
      await second.get(`${base}/${recordOf('Implementation of link workers in primary care')}`)
    ).text()
    expect(resolved).toContain('Amira Demo:</strong>')
    expect(resolved).toContain('Synopsis of the realist evaluation; full text will tell.')
    // Every page, fragment and export the second reviewer can reach: the owner's notes on the records still
    // undecided (the open conflict, the record waiting for its second vote) never appear, nor the conflict.
    const answers = await walkAs(second, weft, 'link-workers')
    const leaks = answers.flatMap(({ url, body }) =>
      [
        'Outdoor activity scheme; nobody in a link-worker role.',
        'Nurse follow-up after discharge, not social prescribing.',
        'Conflict — waiting for a resolver',
        'open at title/abstract',
      ]
        .filter((marker) => body.includes(marker))
        .map((marker) => `${url}: ${marker}`),
    )
    expect(leaks).toEqual([])
    // The owner resolves, so the open conflict and the owner's own notes are hers to see.
    const demo = new Agent(weft)
    await demo.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const card = await (await demo.get(`${base}/${recordOf('Green space prescriptions')}`)).text()
    expect(card).toContain('Sam Second:</strong>')
    expect(card).toContain('Outdoor activity scheme; nobody in a link-worker role.')
  })

  it('has title/abstract screening under way: decisions, conflicts (one resolved), a record awaiting its second vote', async () => {
    const weft = testWeft()
    await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
    const outcomes = weft.db
      .select()
      .from(screeningStatus)
      .where(eq(screeningStatus.stage, 'title_abstract'))
      .all()
      .reduce<Record<string, number>>((tally, row) => ({ ...tally, [row.outcome]: (tally[row.outcome] ?? 0) + 1 }), {})
    // 6 agreed includes + 2 resolved conflicts; 4 agreed excludes; 1 open conflict; 1 waiting for the second reviewer.
    expect(outcomes).toEqual({ included: 8, excluded: 4, conflict: 1, pending: 1 })
    const demo = new Agent(weft)
    await demo.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const conflicts = await (await demo.get('/reviews/link-workers/screening/title-abstract/conflicts')).text()
    expect(conflicts).toContain('Green space prescriptions')
    const second = new Agent(weft)
    await second.signIn('second.reviewer@weft.local', DEMO_LOGIN.password)
    const waiting = await (await second.get('/reviews/link-workers/screening/title-abstract/list?mine=none')).text()
    expect(waiting).toContain('Nurse-led telephone follow-up')
  })

  it('carries on to full text: a report not retrieved, PDFs attached, reasons, an open conflict, a study with two reports', async () => {
    const weft = testWeft()
    await seedDemo(weft.db, { filesDir: weft.filesDir!, hasher: TEST_HASHER })
    const fullText = weft.db.select().from(screeningStatus).where(eq(screeningStatus.stage, 'full_text')).all()
    const tally = fullText.reduce<Record<string, number>>(
      (counts, row) => ({ ...counts, [row.outcome]: (counts[row.outcome] ?? 0) + 1 }),
      {},
    )
    expect(tally).toEqual({ included: 5, excluded: 1, conflict: 1 })
    const retrieval = weft.db.select().from(reports).all()
    expect(retrieval.filter((report) => report.retrieval === 'not_retrieved')).toHaveLength(1)
    expect(retrieval.filter((report) => report.fileSha256 !== null)).toHaveLength(7)
    const reportsPerStudy = retrieval
      .filter((report) => report.studyId !== null)
      .reduce<Map<number, number>>(
        (map, report) => map.set(report.studyId!, (map.get(report.studyId!) ?? 0) + 1),
        new Map(),
      )
    expect([...reportsPerStudy.values()].sort()).toEqual([1, 1, 1, 2])
    const demo = new Agent(weft)
    await demo.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const studiesPage = await (await demo.get('/reviews/link-workers/studies')).text()
    expect(studiesPage).toContain('Patient buy-in to social prescribing')
    expect(studiesPage).toContain('Implementation of link workers in primary care')
    const dashboard = await (await demo.get('/reviews/link-workers')).text()
    // 12 decided at title/abstract (8 included, 4 excluded); 8 sought; 6 assessed at full text (one in conflict); 4 studies.
    for (const [stage, count] of [
      ['screening', 12],
      ['retrieval', 8],
      ['eligibility', 6],
      ['included', 4],
    ] as const) {
      expect(dashboard).toMatch(new RegExp(`data-stage="${stage}">.*?<strong>${count}</strong>`))
    }
    const grid = await (await demo.get('/reviews/link-workers/synthesis/grid')).text()
    expect(grid).toContain('Walking alongside')
  })
})
