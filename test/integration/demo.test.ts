import { describe, expect, it } from 'vitest'
import { duplicateCandidates, importBatches, memberships, records, reviews, sources } from '../../db/schema.ts'
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
