/**
 * Properties (fast-check): whatever bytes arrive (random, or a real export cut anywhere), the importer answers
 * with an outcome instead of throwing, and the review holds either every record it reports or none.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { importBatches, records } from '../../db/schema.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createSource } from '../../src/store/sources.ts'
import { watchUploadFolder } from '../support/upload-folder.ts'

const FIXTURES = join(import.meta.dirname, '../fixtures/formats')

function freshReview() {
  const db = openDatabase(':memory:')
  const review = createReview(db, reviewInput.parse({ title: 'Property', slug: 'property' }), {
    ownerId: null,
    actorId: null,
  })
  const source = createSource(
    db,
    review.id,
    {
      name: 'Any',
      kind: 'database',
      platform: '',
      dateRun: '',
      coverage: '',
      strategy: '',
      limits: '',
      filters: '',
      notes: '',
    },
    null,
  )
  return { db, reviewId: review.id, sourceId: source.id }
}

function importOnce(bytes: Uint8Array, pieces: number) {
  const { db, reviewId, sourceId } = freshReview()
  const size = Math.max(1, Math.ceil(bytes.length / pieces))
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  )
  const outcome = importReferenceFile(db, {
    reviewId,
    sourceId,
    fileName: 'x',
    sha256: 'x',
    sizeBytes: bytes.length,
    chunks,
    actorId: null,
  })
  const stored = db.select().from(records).where(eq(records.reviewId, reviewId)).all().length
  const batches = db.select().from(importBatches).all().length
  db.$client.close()
  return { outcome, stored, batches }
}

function expectWholeOrNothing({ outcome, stored, batches }: ReturnType<typeof importOnce>): void {
  if (outcome.status === 'imported') {
    expect(stored).toBe(outcome.summary.imported)
    expect(batches).toBe(1)
  } else {
    expect(stored).toBe(0)
    expect(batches).toBe(0)
  }
}

const { leftovers } = watchUploadFolder()

describe('the importer never imports part of a file', () => {
  it('answers random bytes with an outcome, storing all or nothing, and leaves no staging file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 5 }), (bytes, pieces) => {
        expectWholeOrNothing(importOnce(bytes, pieces))
        expect(leftovers()).toEqual([])
      }),
      { numRuns: 150 },
    )
  })

  it('answers every fixture cut at random points the same way', () => {
    const files = readdirSync(FIXTURES).map((name) => readFileSync(join(FIXTURES, name)))
    const cuts = fc
      .constantFrom(...files)
      .chain((bytes) => fc.tuple(fc.constant(bytes), fc.nat({ max: bytes.length }), fc.integer({ min: 1, max: 7 })))
    fc.assert(
      fc.property(cuts, ([bytes, end, pieces]) => expectWholeOrNothing(importOnce(bytes.subarray(0, end), pieces))),
      { numRuns: 12 * files.length },
    )
  })

  it('rolls back every record when the database refuses one midway', () => {
    const { db, reviewId, sourceId } = freshReview()
    const bytes = readFileSync(join(FIXTURES, 'ovid.ris'))
    // A trigger that fails on the second record stands in for a disk or constraint failure.
    db.$client.exec(`create trigger fail_second before insert on records when (select count(*) from records) >= 1
      begin select raise(abort, 'disk full'); end`)
    expect(() =>
      importReferenceFile(db, {
        reviewId,
        sourceId,
        fileName: 'ovid.ris',
        sha256: 'x',
        sizeBytes: bytes.length,
        chunks: [bytes],
        actorId: null,
      }),
    ).toThrow('disk full')
    expect(db.select().from(records).all()).toHaveLength(0)
    expect(db.select().from(importBatches).all()).toHaveLength(0)
    expect(leftovers()).toEqual([])
  })
})
