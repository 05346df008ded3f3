import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { duplicateCandidates, importBatches, records } from '../../db/schema.ts'
import { DedupStatusView } from '../../views/imports/dedup-status.tsx'
import { dedupStatus } from '../../src/routes/review/dedup-status.ts'
import { rejectDuplicate } from '../../src/store/duplicate-decisions.ts'
import { compareDedupWork, loadDedupWork, runDeduplication, saveDedupResult } from '../../src/store/duplicates.ts'
import { importIntoSource } from '../../src/store/imports.ts'
import { reviewOwnedBy, signedIn, testWeft, testWeftOnFile, type TestWeft } from '../support/app.ts'
import { watchUploadFolder } from '../support/upload-folder.ts'

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/formats', name)))

const { leftovers } = watchUploadFolder()
afterAll(() => {
  delete process.env['WEFT_UPLOAD_LIMIT_MB']
})

async function owner(weft: TestWeft) {
  const agent = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(agent)
  return { agent, base: `/reviews/${slug}/imports` }
}

describe('deduplication after a browser upload', () => {
  it('answers the upload before deduplication ends, then shows its report', async () => {
    const weft = testWeftOnFile()
    try {
      const { agent, base } = await owner(weft)
      await agent.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', fixture('ovid.ris')]])
      await weft.services.dedup.settled(1)
      const upload = await agent.postMultipart(base, { sourceName: 'Scopus' }, [
        ['files', 'scopus-overlap.ris', fixture('scopus-overlap.ris')],
      ])
      expect(upload.status).toBe(303)
      // Answered once the import is committed; the comparison is started after it, on the worker thread
      // (a warm worker may finish a file this small before the test looks; the next test sees it running).
      const answered = await (await agent.get(upload.headers.get('location')!)).text()
      expect(answered).toContain('scopus-overlap.ris imported: 3 records.')
      expect(answered).toMatch(/Deduplication is running|merged automatically/)
      await weft.services.dedup.settled(1)
      const done = await (await agent.get(`${base}/deduplication`)).text()
      expect(done).not.toContain('hx-trigger')
      expect(done).toMatch(/<span data-dedup="merged_auto">1 merged automatically<\/span>/)
      expect(
        weft.db
          .select()
          .from(importBatches)
          .all()
          .every((b) => b.deduplicated),
      ).toBe(true)
      expect(
        weft.db
          .select()
          .from(records)
          .all()
          .filter((r) => r.duplicateOf !== null),
      ).toHaveLength(1)
    } finally {
      await weft.close()
    }
  })

  it('shows a started deduplication as running, its progress polled every second', async () => {
    const weft = testWeft()
    const { base } = await owner(weft)
    const bytes = fixture('ovid.ris')
    importIntoSource(weft.db, {
      reviewId: 1,
      source: { newSource: { name: 'MEDLINE', kind: 'database' } },
      fileName: 'ovid.ris',
      sha256: 'ovid',
      sizeBytes: bytes.byteLength,
      chunks: [bytes],
      actorId: null,
    })
    // The job runs after this turn of the event loop; until it ends, the status says it is running.
    weft.services.dedup.start(1, null)
    const running = dedupStatus({ db: weft.db, dedup: weft.services.dedup }, 1)
    expect(running).toEqual({ state: 'running', phase: 'starting', percent: 0 })
    const progress = String(DedupStatusView({ status: running, base, csrf: () => '', canRun: true }))
    expect(progress).toContain('Deduplication is running')
    expect(progress).toContain('hx-trigger="every 1s"')
    await weft.services.dedup.settled(1)
    expect(dedupStatus({ db: weft.db, dedup: weft.services.dedup }, 1).state).toBe('done')
  })

  it('leaves imports a run did not finish undeduplicated, and runs them again on request', async () => {
    const weft = testWeft()
    const { agent, base } = await owner(weft)
    // Imported, but deduplication never ran (the server stopped before it could): nothing half-written.
    for (const [name, file] of [
      ['MEDLINE', 'ovid.ris'],
      ['Scopus', 'scopus-overlap.ris'],
    ] as const) {
      const bytes = fixture(file)
      importIntoSource(weft.db, {
        reviewId: 1,
        source: { newSource: { name, kind: 'database' } },
        fileName: file,
        sha256: name,
        sizeBytes: bytes.byteLength,
        chunks: [bytes],
        actorId: null,
      })
    }
    const page = await (await agent.get(base)).text()
    expect(page).toContain('Some imports have not been compared with the rest of the review yet.')
    expect(page).toContain('Run deduplication now')
    expect((await agent.post(`${base}/deduplication`)).status).toBe(303)
    await weft.services.dedup.settled(1)
    expect(
      weft.db
        .select()
        .from(importBatches)
        .all()
        .every((b) => b.deduplicated),
    ).toBe(true)
    expect(await (await agent.get(base)).text()).not.toContain('Run deduplication now')
  })

  it('writes nothing from a run whose review changed while it compared', async () => {
    const weft = testWeft()
    await owner(weft)
    const bytes = fixture('ovid.ris')
    const importFile = (name: string) =>
      importIntoSource(weft.db, {
        reviewId: 1,
        source: { newSource: { name, kind: 'database' } },
        fileName: 'ovid.ris',
        sha256: name,
        sizeBytes: bytes.byteLength,
        chunks: [bytes],
        actorId: null,
        allowRepeat: true,
      })
    importFile('MEDLINE')
    const work = loadDedupWork(weft.db, 1)!
    const result = compareDedupWork(work)
    importFile('Embase')
    expect(saveDedupResult(weft.db, work, result, null)).toBeNull()
    expect(weft.db.select().from(duplicateCandidates).all()).toEqual([])
    expect(
      weft.db
        .select()
        .from(importBatches)
        .all()
        .map((b) => b.deduplicated),
    ).toEqual([false, false])
  })
})

describe('a pair judged not duplicate', () => {
  it('stays apart in later runs, also when a new copy matches both records', async () => {
    const weft = testWeft()
    await owner(weft)
    const importFile = (name: string, file: string) => {
      const bytes = fixture(file)
      importIntoSource(weft.db, {
        reviewId: 1,
        source: { newSource: { name, kind: 'database' } },
        fileName: file,
        sha256: name,
        sizeBytes: bytes.byteLength,
        chunks: [bytes],
        actorId: null,
        allowRepeat: true,
      })
    }
    importFile('MEDLINE', 'ovid.ris')
    importFile('Scopus', 'scopus-overlap.ris')
    runDeduplication(weft.db, 1, null)
    const merge = weft.db
      .select()
      .from(duplicateCandidates)
      .all()
      .find((pair) => pair.status === 'merged_automatically')!
    rejectDuplicate(weft.db, 1, merge.id, 1)
    const primaryOf = (id: number) =>
      weft.db
        .select()
        .from(records)
        .all()
        .find((r) => r.id === id)?.duplicateOf ?? id
    expect(primaryOf(merge.recordA)).not.toBe(primaryOf(merge.recordB))

    importFile('Embase', 'ovid.ris')
    runDeduplication(weft.db, 1, null)
    expect(primaryOf(merge.recordA)).not.toBe(primaryOf(merge.recordB))
    const latest = weft.db
      .select()
      .from(duplicateCandidates)
      .all()
      .filter((pair) => pair.id > merge.id)
    expect(latest.some((pair) => pair.status === 'pending' && /judged not duplicates/.test(pair.reason))).toBe(true)
  })
})

describe('streaming a browser upload to disk', () => {
  it('removes the temporary file after an import, and after a refused file', async () => {
    const weft = testWeft()
    const { agent, base } = await owner(weft)
    expect(
      (await agent.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', fixture('ovid.ris')]])).status,
    ).toBe(303)
    expect(leftovers()).toEqual([])
    const refused = await agent.postMultipart(base, { sourceName: 'Notes' }, [
      ['files', 'notes.txt', 'Nothing to import here.\n'],
    ])
    expect(refused.status).toBe(422)
    expect(leftovers()).toEqual([])
  })

  it('refuses an upload that grows past the limit while it streams, stores nothing and keeps no file', async () => {
    process.env['WEFT_UPLOAD_LIMIT_MB'] = '1'
    try {
      const weft = testWeft()
      const { agent, base } = await owner(weft)
      // No Content-Length (as a chunked upload sends): only the streaming check can catch it.
      const big = new TextEncoder().encode('TY  - JOUR\nTI  - Padding\nER  - \n'.repeat(60_000))
      const response = await agent.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'big.ris', big]])
      expect(response.status).toBe(413)
      expect(await response.text()).toContain(
        'The upload is larger than 1 MB, the most Weft accepts at once, so nothing was imported.',
      )
      expect(weft.db.select().from(importBatches).all()).toEqual([])
      expect(weft.db.select().from(records).all()).toEqual([])
      expect(leftovers()).toEqual([])
    } finally {
      delete process.env['WEFT_UPLOAD_LIMIT_MB']
    }
  })
})
