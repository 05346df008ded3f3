import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { duplicateCandidates, importBatches, records } from '../../db/schema.ts'
import { createApp } from '../../src/app.tsx'
import { SignInThrottle } from '../../src/auth/sign-in-throttle.ts'
import { rejectDuplicate } from '../../src/store/duplicate-decisions.ts'
import { compareDedupWork, loadDedupWork, runDeduplication, saveDedupResult } from '../../src/store/duplicates.ts'
import { importIntoSource } from '../../src/store/imports.ts'
import { createServices } from '../../src/services.ts'
import { reviewOwnedBy, signedIn, TEST_CONFIG, TEST_HASHER, testWeft, type TestWeft } from '../support/app.ts'

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/formats', name)))

/** Uploads land in this folder (os.tmpdir() follows TMPDIR), so the test sees every temporary file. */
let uploads: string
const leftovers = () => readdirSync(uploads).filter((name) => name.startsWith('weft-upload-'))
beforeAll(() => {
  uploads = mkdtempSync(join(tmpdir(), 'weft-test-uploads-'))
  process.env['TMPDIR'] = uploads
})
afterAll(() => {
  delete process.env['TMPDIR']
  delete process.env['WEFT_UPLOAD_LIMIT_MB']
  rmSync(uploads, { recursive: true, force: true })
})

/** A Weft on a database file: deduplication then runs in a worker thread, as on a server. */
function fileWeft(): TestWeft & { folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'weft-test-db-'))
  const db = openDatabase(join(folder, 'weft.db'))
  const clock = { now: new Date(), advance: () => undefined }
  const now = () => new Date()
  const services = createServices(db, TEST_CONFIG, now)
  const app = createApp({ db, now, signInThrottle: new SignInThrottle(), passwordHasher: TEST_HASHER, services })
  return { app, db, clock, folder, services }
}

async function owner(weft: TestWeft) {
  const agent = await signedIn(weft, 'owner@example.org')
  const slug = await reviewOwnedBy(agent)
  return { agent, base: `/reviews/${slug}/imports` }
}

describe('deduplication after a browser upload', () => {
  it('answers the upload before deduplication ends, shows its progress, then its report', async () => {
    const weft = fileWeft()
    try {
      const { agent, base } = await owner(weft)
      await agent.postMultipart(base, { sourceName: 'MEDLINE' }, [['files', 'ovid.ris', fixture('ovid.ris')]])
      await weft.services.dedup.settled(1)
      const upload = await agent.postMultipart(base, { sourceName: 'Scopus' }, [
        ['files', 'scopus-overlap.ris', fixture('scopus-overlap.ris')],
      ])
      expect(upload.status).toBe(303)
      // Answered with the import committed and the comparison still to come (its worker is only starting).
      const batch = weft.db.select().from(importBatches).all().at(-1)!
      expect(batch.deduplicated).toBe(false)
      expect(weft.db.select().from(duplicateCandidates).all()).toEqual([])
      const progress = await (await agent.get(`${base}/deduplication`)).text()
      expect(progress).toContain('Deduplication is running')
      expect(progress).toContain('hx-trigger="every 1s"')
      expect(progress).toContain('<a href="">Refresh</a>')
      expect(await (await agent.get('/reviews/link-workers/duplicates')).text()).toContain('Deduplication is running')

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
      await weft.services.close()
      weft.db.$client.close()
      rmSync(weft.folder, { recursive: true, force: true })
    }
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
