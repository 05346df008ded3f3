import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviews } from '../../db/schema.ts'
import { runDeduplication } from '../../src/store/duplicates.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createSource } from '../../src/store/sources.ts'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'
import { screeningTeam } from '../support/screening.ts'
import { importCitations } from '../support/screening-state.ts'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/formats', name))
const EMPTY_SOURCE = { platform: '', dateRun: '', coverage: '', strategy: '', limits: '', filters: '', notes: '' }

describe('review dashboard', () => {
  it('shows records identified per source, duplicates removed and records left', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const slug = await reviewOwnedBy(owner)
    const reviewId = weft.db.select().from(reviews).get()!.id
    for (const [name, file] of [
      ['MEDLINE', 'ovid.ris'],
      ['Scopus', 'scopus-overlap.ris'],
    ] as const) {
      const source = createSource(weft.db, reviewId, { ...EMPTY_SOURCE, name, kind: 'database' }, null)
      const bytes = fixture(file)
      importReferenceFile(weft.db, {
        reviewId,
        sourceId: source.id,
        fileName: file,
        sha256: file,
        sizeBytes: bytes.length,
        chunks: [bytes],
        actorId: null,
      })
    }
    runDeduplication(weft.db, reviewId, null)
    const html = (await (await owner.get(`/reviews/${slug}`)).text()).replace(/\s+/g, ' ')
    expect(html).toMatch(/<td>MEDLINE<\/td><td class="number">2<\/td>/)
    expect(html).toMatch(/<td>Scopus<\/td><td class="number">3<\/td>/)
    expect(html).toMatch(/Total identified<\/th><td class="number">5</)
    expect(html).toMatch(/Duplicates removed automatically<\/th><td class="number">1</)
    expect(html).toMatch(/Records after deduplication<\/th><td class="number">4</)
    expect(html).toMatch(/Records left to screen<\/th><td class="number"><strong>4</)
    expect(html).toMatch(/<strong>5<\/strong> records identified/)
  })

  it('counts down the records left to screen as they are screened, leaving out records found by other methods', async () => {
    const weft = testWeft()
    const team = await screeningTeam(weft, { records: 3, reviewersPerRecord: 1 })
    importCitations(weft.db, team.reviewId, { name: 'Reference lists', kind: 'citation' }, [
      { title: 'Found in a reference list', authors: ['Wood, E.'], year: 2022 },
    ])
    const left = async () =>
      (await (await team.owner.get(`/reviews/${team.slug}`)).text())
        .replace(/\s+/g, ' ')
        .match(/Records left to screen<\/th><td class="number"><strong>(\d+)</)?.[1]
    expect(await left()).toBe('3')
    const vote = (recordId: number) =>
      team.reviewerA.post(`/reviews/${team.slug}/screening/title-abstract/records/${recordId}/vote`, {
        verdict: 'exclude',
      })
    await vote(team.recordIds[0]!)
    expect(await left()).toBe('2')
    await vote(team.recordIds[1]!)
    expect(await left()).toBe('1')
  })

  it('invites the team to import when there are no records yet', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const slug = await reviewOwnedBy(owner)
    expect(await (await owner.get(`/reviews/${slug}`)).text()).toContain('No records yet.')
  })
})
