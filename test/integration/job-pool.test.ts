/**
 * On a database file the heavy work runs on the job pool's worker thread, so the request thread stays
 * free to answer everyone else: imports, deduplication and the rankings with their features.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { importBatches, records } from '../../db/schema.ts'
import { signedIn, reviewOwnedBy, testWeftOnFile } from '../support/app.ts'
import { HTMX_PARTIAL } from '../support/screening.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = 8_000

function syntheticFile(count: number): Uint8Array {
  const chunks = [...syntheticRisChunks(count)]
  const file = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0))
  let at = 0
  for (const chunk of chunks) {
    file.set(chunk, at)
    at += chunk.byteLength
  }
  return file
}

/** The longest the request thread was held while `work` ran, and how long the work took (ms). */
async function stallDuring(work: () => Promise<unknown>) {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const started = performance.now()
  await work()
  const took = performance.now() - started
  delay.disable()
  return { stall: delay.max / 1e6, took }
}

describe('the job pool on a database file', () => {
  it('imports a large upload on a worker thread, the request thread free meanwhile', async () => {
    const weft = testWeftOnFile()
    try {
      const owner = await signedIn(weft, 'owner@example.org')
      const slug = await reviewOwnedBy(owner)
      const file = syntheticFile(RECORDS)
      let status = 0
      const { stall, took } = await stallDuring(async () => {
        const upload = await owner.postMultipart(`/reviews/${slug}/imports`, { sourceName: 'MEDLINE' }, [
          ['files', 'search.ris', file],
        ])
        status = upload.status
      })
      expect(status).toBe(303)
      expect(weft.db.select().from(importBatches).get()?.recordsRead).toBe(RECORDS)
      // Parsing and storing 8,000 records on the request thread held it for most of the upload.
      expect(stall).toBeLessThan(took / 3)
      await weft.services.dedup.settled(1)
      expect(weft.services.jobs.threads).toBe(1)
    } finally {
      await weft.close()
    }
  })

  it('builds features and retrains on the worker thread, which holds the features until the review goes idle', async () => {
    const weft = testWeftOnFile()
    try {
      const owner = await signedIn(weft, 'owner@example.org')
      const slug = await reviewOwnedBy(owner)
      await owner.postMultipart(`/reviews/${slug}/imports`, { sourceName: 'MEDLINE' }, [
        ['files', 'search.ris', syntheticFile(2_000)],
      ])
      await weft.services.dedup.settled(1)
      const [first, second] = weft.db.select({ id: records.id }).from(records).where(eq(records.reviewId, 1)).all()
      const queue = `/reviews/${slug}/screening/title-abstract`
      for (const [id, verdict] of [
        [first!.id, 'include'],
        [second!.id, 'exclude'],
      ] as const) {
        expect((await owner.post(`${queue}/records/${id}/vote`, { verdict }, { headers: HTMX_PARTIAL })).status).toBe(
          200,
        )
      }
      await owner.get(queue)
      await weft.services.ranking.whenIdle()
      expect(await (await owner.get(queue)).text()).toMatch(/Relevance [01]\.\d\d \(rank 1 of 1,998\)/)
      expect(await weft.services.ranking.held()).toEqual({ rankings: 1, featureSets: 1 })

      weft.clock.advance(31 * 60_000)
      expect(weft.services.ranking.forgetIdle()).toEqual([1])
      expect(await weft.services.ranking.held()).toEqual({ rankings: 0, featureSets: 0 })
    } finally {
      await weft.close()
    }
  })
})
