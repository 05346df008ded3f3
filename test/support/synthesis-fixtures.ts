/**
 * Included studies, quotes and second-order constructs written straight into the database, so synthesis
 * tests start from rows like those screening and extraction leave.
 */
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  constructQuotes,
  firstOrderConstructs,
  importBatches,
  records,
  reports,
  reviews,
  screeningStatus,
  secondOrderConstructs,
  sources,
  studies,
  users,
} from '../../db/schema.ts'

export interface StudySpec {
  label: string
  /** Second-order construct labels; each gets one supporting quote "<label> in their words". */
  constructs: string[]
}

export interface SeededStudy {
  id: number
  label: string
  constructs: { id: number; label: string; quoteId: number }[]
}

export function reviewIdOf(db: Executor, slug: string): number {
  const review = db.select().from(reviews).where(eq(reviews.slug, slug)).get()
  if (!review) throw new Error(`no review ${slug}`)
  return review.id
}

/** A review and an account to act in it, written directly (no password hashing, no web round trip). */
export function bareReview(db: Executor, slug: string): { reviewId: number; actorId: number } {
  const reviewId = db
    .insert(reviews)
    .values({ slug, title: `Review ${slug}` })
    .returning()
    .get().id
  const actorId = db
    .insert(users)
    .values({ email: `${slug}@example.org`, name: slug, passwordHash: 'not-a-hash' })
    .returning()
    .get().id
  return { reviewId, actorId }
}

/**
 * An included study (src/store/stages.ts): a study with one report, found by other methods (so sought
 * without screening), retrieved and included at full text.
 */
export function addStudy(db: Executor, reviewId: number, label: string): number {
  const now = new Date('2026-11-01T09:00:00Z')
  const studyId = db.insert(studies).values({ reviewId, label }).returning().get().id
  const sourceId =
    db
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.reviewId, reviewId), eq(sources.name, 'Synthesis fixtures')))
      .get()?.id ??
    db.insert(sources).values({ reviewId, name: 'Synthesis fixtures', kind: 'other' }).returning().get().id
  const batchId = db
    .insert(importBatches)
    .values({
      reviewId,
      sourceId,
      fileName: `${label}.ris`,
      format: 'ris',
      encoding: 'utf-8',
      sha256: label,
      sizeBytes: 0,
      recordsRead: 1,
      recordsFlagged: 0,
      issues: [],
    })
    .returning()
    .get().id
  const recordId = db
    .insert(records)
    .values({ reviewId, sourceId, batchId, line: 1, title: label, authors: [], keywords: [], originalText: '' })
    .returning()
    .get().id
  db.insert(reports).values({ recordId, reviewId, retrieval: 'retrieved', studyId, updatedAt: now }).run()
  db.insert(screeningStatus)
    .values({ recordId, stage: 'full_text', reviewId, outcome: 'included', votes: 2, updatedAt: now })
    .run()
  return studyId
}

export function addSecondOrder(db: Executor, reviewId: number, studyId: number, label: string, position = 0): number {
  return db
    .insert(secondOrderConstructs)
    .values({ reviewId, studyId, label, description: `${label} (authors’ theme)`, page: '5', position })
    .returning()
    .get().id
}

export function addQuote(
  db: Executor,
  reviewId: number,
  studyId: number,
  quote: string,
  supports: number[],
  position = 0,
): number {
  const id = db
    .insert(firstOrderConstructs)
    .values({ reviewId, studyId, quote, page: '6', participant: 'LW1', position })
    .returning()
    .get().id
  for (const secondOrderId of supports) db.insert(constructQuotes).values({ secondOrderId, firstOrderId: id }).run()
  return id
}

export function seedStudies(db: Executor, reviewId: number, specs: readonly StudySpec[]): SeededStudy[] {
  return specs.map((spec) => {
    const studyId = addStudy(db, reviewId, spec.label)
    return {
      id: studyId,
      label: spec.label,
      constructs: spec.constructs.map((label, position) => {
        const id = addSecondOrder(db, reviewId, studyId, label, position)
        return { id, label, quoteId: addQuote(db, reviewId, studyId, `${label} in their words`, [id], position) }
      }),
    }
  })
}

/** Three link-worker studies, two themes each: enough for a grid with empty cells, a refutation and a finding. */
export const LINK_WORKER_STUDIES: readonly StudySpec[] = [
  { label: 'Frostick 2019', constructs: ['Blurred boundaries of the role', 'Emotional toll of complex caseloads'] },
  { label: 'Griffith 2023', constructs: ['Logics of choice and care', 'Holding patients while they wait'] },
  { label: 'Pollard 2023', constructs: ['Stretched voluntary sector', 'Boundaries kept by clear referral criteria'] },
]
