import { describe, expect, it } from 'vitest'
import { duplicateCandidates, importBatches, memberships, records, reviews, screeningStatus, sources } from '../../db/schema.ts'
import { DEMO_LOGIN, seedDemo } from '../../src/demo/seed.ts'
import { Agent, testWeft } from '../support/app.ts'

describe('demo review', () => {
  it('loads the link-worker meta-ethnography into an empty database and its login opens the dashboard', async () => {
    const weft = testWeft()
    expect(await seedDemo(weft.db)).toBe(true)
    expect(weft.db.select().from(reviews).get()).toMatchObject({
      slug: 'link-workers',
      prismaTemplate: 'new_databases_registers_other',
      reviewersPerRecord: 2,
      blindScreening: true,
    })
    expect(weft.db.select().from(memberships).all()).toHaveLength(3)
    const sourceNames = weft.db.select().from(sources).all().map((source) => source.name)
    expect(sourceNames).toEqual(expect.arrayContaining(['MEDLINE', 'Embase', 'CINAHL Complete', 'APA PsycInfo', 'Scopus', 'Web of Science Core Collection', 'Google alerts', 'Reference lists of included studies']))

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
    await seedDemo(weft.db)
    expect(weft.db.select().from(importBatches).all().map((batch) => batch.format)).toEqual(['ris', 'ris', 'ris', 'csv', 'wos'])
    const rows = weft.db.select().from(records).all()
    expect(rows.length).toBeGreaterThanOrEqual(20)
    expect(rows.filter((row) => row.duplicateOf !== null).length).toBeGreaterThanOrEqual(5)
    const pending = weft.db.select().from(duplicateCandidates).all().filter((pair) => pair.status === 'pending')
    expect(pending.length).toBeGreaterThanOrEqual(2)
    const demo = new Agent(weft)
    await demo.signIn(DEMO_LOGIN.email, DEMO_LOGIN.password)
    const dashboard = await (await demo.get('/reviews/link-workers')).text()
    expect(dashboard).toContain('Duplicates removed automatically')
    expect(dashboard).toMatch(/possible duplicate pairs wait for a reviewer/)
  })

  it('leaves a database that already has accounts alone', async () => {
    const weft = testWeft()
    await seedDemo(weft.db)
    expect(await seedDemo(weft.db)).toBe(false)
    expect(weft.db.select().from(reviews).all()).toHaveLength(1)
  })
})

describe('demo screening', () => {
  it('has title/abstract screening under way: decisions, conflicts (one resolved), a record awaiting its second vote', async () => {
    const weft = testWeft()
    await seedDemo(weft.db)
    const outcomes = weft.db
      .select()
      .from(screeningStatus)
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
})
