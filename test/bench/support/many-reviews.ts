/**
 * A database of several large reviews for the load and memory benchmarks: the synthetic 100,000-record
 * RIS export (test/support/synthetic-ris.ts, ~2.8 KB a record) imported once, then copied into each further
 * review with its own source and import batch (a copy is seconds, an import of the same file half a minute).
 */
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.ts'
import { importBatches, reviews } from '../../../db/schema.ts'
import { reviewInput } from '../../../src/input/review-input.ts'
import { importReferenceFile } from '../../../src/store/imports.ts'
import { addMember } from '../../../src/store/memberships.ts'
import { createReview } from '../../../src/store/reviews.ts'
import { createSource } from '../../../src/store/sources.ts'
import { createUser } from '../../../src/store/users.ts'
import { syntheticRisChunks } from '../../support/synthetic-ris.ts'

const BLANK_SOURCE = { platform: '', dateRun: '', coverage: '', strategy: '', limits: '', filters: '', notes: '' }

export interface ManyReviews {
  slugs: string[]
  /** Reviewer emails, dealt round the reviews: reviewer i screens review i % reviews. */
  reviewers: { email: string; slug: string }[]
  password: string
}

export interface ManyReviewsOptions {
  reviews: number
  records: number
  reviewers: number
  /** Keep each copied record's original export text (the import keeps it); false saves disk for big sets. */
  keepOriginalText: boolean
}

export async function seedManyReviews(db: Db, options: ManyReviewsOptions): Promise<ManyReviews> {
  const password = 'bench load password'
  const owner = await createUser(db, { email: 'owner@bench.org', name: 'Owner', password }, null)
  const slugs: string[] = []
  for (let r = 0; r < options.reviews; r++) {
    const slug = `bench-${r + 1}`
    const review = createReview(
      db,
      reviewInput.parse({ title: `Bench ${r + 1}`, slug, includeTerms: 'link work\nsocial prescrib' }),
      { ownerId: owner.id, actorId: null },
    )
    db.update(reviews)
      .set({ blindScreening: true, screeningOrder: 'relevance', reviewersPerRecord: 2 })
      .where(eq(reviews.id, review.id))
      .run()
    const source = createSource(db, review.id, { name: 'MEDLINE', kind: 'database', ...BLANK_SOURCE }, null)
    if (r === 0) {
      const outcome = importReferenceFile(db, {
        reviewId: review.id,
        sourceId: source.id,
        fileName: 'search.ris',
        sha256: 'bench',
        sizeBytes: 0,
        chunks: syntheticRisChunks(options.records),
        actorId: null,
      })
      if (outcome.status !== 'imported') throw new Error(`import failed: ${outcome.status}`)
      db.update(importBatches).set({ deduplicated: true }).run()
    } else {
      copyRecords(db, 1, review.id, source.id, options.keepOriginalText)
    }
    slugs.push(slug)
  }
  const reviewers: ManyReviews['reviewers'] = []
  for (let i = 0; i < options.reviewers; i++) {
    const email = `reviewer${i + 1}@bench.org`
    await createUser(db, { email, name: `Reviewer ${i + 1}`, password }, null)
    const slug = slugs[i % slugs.length]!
    addMember(db, db.select().from(reviews).where(eq(reviews.slug, slug)).get()!.id, email, 'reviewer', null)
    reviewers.push({ email, slug })
  }
  return { slugs, reviewers, password }
}

function copyRecords(db: Db, fromReview: number, toReview: number, sourceId: number, keepOriginalText: boolean) {
  db.transaction((tx) => {
    const batch = tx
      .insert(importBatches)
      .values({
        reviewId: toReview,
        sourceId,
        fileName: 'search.ris',
        format: 'ris',
        encoding: 'utf-8',
        sha256: `copy-${toReview}`,
        sizeBytes: 0,
        recordsRead: 0,
        recordsFlagged: 0,
        issues: [],
        importedBy: null,
        deduplicated: true,
      })
      .returning({ id: importBatches.id })
      .get()
    const copied = db.$client
      .prepare(
        `insert into records (review_id, source_id, batch_id, line, title, abstract, authors, year, journal, volume,
           issue, pages, doi, pmid, keywords, language, url, publication_type, original_text, csl, flag)
         select ?, ?, ?, line, title, abstract, authors, year, journal, volume, issue, pages, doi, pmid, keywords,
           language, url, publication_type, ${keepOriginalText ? 'original_text' : "''"}, ${keepOriginalText ? 'csl' : 'null'}, flag
         from records where review_id = ? order by id`,
      )
      .run(toReview, sourceId, batch.id, fromReview)
    tx.update(importBatches).set({ recordsRead: copied.changes }).where(eq(importBatches.id, batch.id)).run()
  })
}
