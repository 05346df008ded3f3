import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { reports } from '../../db/schema.ts'
import { minimalPdf, seedRetrievalDemo } from '../../src/demo/retrieval-demo.ts'
import { looksLikePdf } from '../../src/files/full-texts.ts'
import { retrievalCounts } from '../../src/store/reports.ts'
import { includedCounts, includedStudies } from '../../src/store/studies.ts'
import { reviewOwnedBy, signedIn, testWeft } from '../support/app.ts'
import { importCitations, includeAtFullText, reviewIdOf, setScreeningOutcome } from '../support/screening-state.ts'

describe('the retrieval demo', () => {
  it('writes a one-page PDF whose cross-reference offsets point at its objects', () => {
    const text = new TextDecoder().decode(minimalPdf(['Weft (demo) \\ “quotes”']))
    expect(looksLikePdf(new TextEncoder().encode(text))).toBe(true)
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1])
    expect(text.slice(xref, xref + 4)).toBe('xref')
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]))
    offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true))
    expect(text).toContain('(Weft \\(demo\\) \\\\ ?quotes?)')
  })

  it('retrieves reports with PDFs, leaves one not retrieved, and puts two reports into one study', async () => {
    const weft = testWeft()
    const owner = await signedIn(weft, 'owner@example.org')
    const reviewId = reviewIdOf(weft.db, await reviewOwnedBy(owner))
    const citations = [2015, 2016, 2017, 2018].map((year) => ({
      title: `Study of ${year}`,
      authors: [`Author${year}, A.`],
      year,
    }))
    const ids = importCitations(weft.db, reviewId, { name: 'MEDLINE', kind: 'database' }, citations)
    for (const id of ids) setScreeningOutcome(weft.db, id, 'title_abstract', 'included')
    seedRetrievalDemo(weft.db, { reviewId, actorId: 1, filesDir: weft.filesDir!, recordIds: ids })
    expect(retrievalCounts(weft.db, reviewId)).toMatchObject({ sought: 4, retrieved: 3, notRetrieved: 1 })
    expect(weft.db.select().from(reports).where(eq(reports.recordId, ids[1]!)).get()?.fileSha256).toMatch(
      /^[0-9a-f]{64}$/,
    )
    for (const id of ids.slice(1)) includeAtFullText(weft.db, id)
    expect(includedStudies(weft.db, reviewId).map((study) => [study.label, study.reports.length])).toEqual([
      ['Author2016 2016', 2],
      ['Author2018 2018', 1],
    ])
    expect(includedCounts(weft.db, reviewId)).toEqual({ studies: 2, reports: 3 })
  })
})
