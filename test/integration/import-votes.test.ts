/**
 * A big import does not hold up reviewers' votes (issue 18): the file is parsed off the write lock, so a
 * vote sent while the import runs is stored at once, not after the import. Which committed first is read
 * from the audit trail's order (every vote and every import writes its event in its own transaction), so
 * the test counts, it does not time.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents } from '../../db/schema.ts'
import { castVote } from '../../src/store/screening-votes.ts'
import { reviewOwnedBy, signedIn, testWeftOnFile } from '../support/app.ts'
import { importOnPool } from '../support/import-on-pool.ts'
import { importCitations, reviewIdOf } from '../support/screening-state.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'

const RECORDS = 15_000

describe('votes during a big import', () => {
  it('stores votes sent while the import is parsed before the import itself', async () => {
    const weft = testWeftOnFile()
    try {
      const agent = await signedIn(weft, 'owner@example.org')
      const reviewId = reviewIdOf(weft.db, await reviewOwnedBy(agent))
      const citations = Array.from({ length: 300 }, (_, i) => ({
        title: `Link workers study ${i}`,
        authors: ['Okafor, A.'],
        year: 2020,
      }))
      const recordIds = importCitations(weft.db, reviewId, { name: 'MEDLINE', kind: 'database' }, citations)
      const file = join(weft.folder, 'big.ris')
      const fd = openSync(file, 'w')
      for (const chunk of syntheticRisChunks(RECORDS)) writeSync(fd, chunk)
      closeSync(fd)

      // The worker threads started and ready, as on a server that has run for a while.
      await weft.services.jobs.runOnEach('held', {})
      let finished = false
      let parsing = false
      const importing = importOnPool(weft.services.jobs, reviewId, file, 'Embase', {
        onProgress: () => (parsing = true),
      }).finally(() => (finished = true))
      // Votes from the moment the worker is busy with the file (its first progress, or soon after it began).
      const started = Date.now()
      while (!parsing && Date.now() - started < 100) await sleep(5)
      let sent = 0
      while (!finished && sent < recordIds.length) {
        castVote(weft.db, {
          reviewId,
          recordId: recordIds[sent++]!,
          stage: 'title_abstract',
          reviewerId: 1,
          verdict: 'include',
          reasonId: null,
          note: '',
          via: 'web',
          at: weft.clock.now,
        })
        await sleep(20)
      }
      const outcome = await importing
      expect(outcome.status).toBe('imported')

      const events = weft.db
        .select({ id: auditEvents.id, action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.reviewId, reviewId)))
        .all()
      const imported = events.filter((event) => event.action === 'records.imported').at(-1)!.id
      const votes = events.filter((event) => event.action === 'screening.voted')
      expect(votes.length).toBe(sent)
      // Before, the import was one transaction from its first byte: every vote sent meanwhile waited for it.
      const before = votes.filter((vote) => vote.id < imported).length
      expect(before).toBeGreaterThanOrEqual(5)
      expect(before).toBeGreaterThanOrEqual(sent / 2)
    } finally {
      await weft.close()
    }
  }, 120_000)
})
