/**
 * Every real export in ../shared/fixtures imported through the importer (chunked reading, one
 * transaction), its record count checked against MANIFEST.md (test/support/shared-manifest.ts: when it runs).
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { reviewInput } from '../../src/input/review-input.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createReview } from '../../src/store/reviews.ts'
import { createSource } from '../../src/store/sources.ts'
import { describeShared, EXPECTED_DIFFERENTLY, manifestRows, ROOT, SUPPORTED } from '../support/shared-manifest.ts'

/** The file in 64 KiB pieces, as the importer reads a file from disk. */
function* inChunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += 65_536) yield bytes.subarray(start, start + 65_536)
}

describeShared('importing the shared fixtures', () => {
  const rows = manifestRows().filter((row) => SUPPORTED.has(row.format))
  const db = openDatabase(':memory:')
  const review = createReview(db, reviewInput.parse({ title: 'Fixtures', slug: 'fixtures' }), {
    ownerId: null,
    actorId: null,
  })
  const source = createSource(
    db,
    review.id,
    {
      name: 'Every database',
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

  it.each(rows)('imports $path with MANIFEST’s record count', ({ path, records }) => {
    const bytes = readFileSync(`${ROOT}${path}`)
    const outcome = importReferenceFile(db, {
      reviewId: review.id,
      sourceId: source.id,
      fileName: path,
      sha256: path,
      sizeBytes: bytes.length,
      chunks: inChunks(bytes),
      actorId: null,
    })
    expect(outcome.status).toBe('imported')
    if (outcome.status === 'imported') expect(outcome.summary.read).toBe(EXPECTED_DIFFERENTLY[path]?.count ?? records)
  })
})
