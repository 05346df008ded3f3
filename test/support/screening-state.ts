/**
 * Screening outcomes written straight into screening_status, so retrieval and studies can be tested
 * without the voting pages: what the voting code would store when records are decided. Records come in
 * through the real importer, one source (with its PRISMA kind) per call.
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db, Executor } from '../../db/client.ts'
import { records, screeningStatus } from '../../db/schema.ts'
import type { ScreeningOutcome, ScreeningStage, SourceKind } from '../../src/domain/vocabulary.ts'
import { importIntoSource } from '../../src/store/imports.ts'
import { findReviewBySlug } from '../../src/store/reviews.ts'
import { ensureStudyForReport } from '../../src/store/studies.ts'

export interface Citation {
  title: string
  authors: string[]
  year: number
  abstract?: string | undefined
  doi?: string | undefined
}

function ris(citations: readonly Citation[]): string {
  return citations
    .map((c) =>
      [
        'TY  - JOUR',
        `TI  - ${c.title}`,
        ...c.authors.map((a) => `AU  - ${a}`),
        `PY  - ${c.year}`,
        ...(c.abstract ? [`AB  - ${c.abstract}`] : []),
        ...(c.doi ? [`DO  - ${c.doi}`] : []),
        'ER  - ',
        '',
      ].join('\n'),
    )
    .join('\n')
}

export function reviewIdOf(db: Db, slug: string): number {
  const review = findReviewBySlug(db, slug)
  if (!review) throw new Error(`no review ${slug}`)
  return review.id
}

/** Imports the citations into a source of that kind (created on first use); returns the new record ids in order. */
export function importCitations(
  db: Db,
  reviewId: number,
  source: { name: string; kind: SourceKind },
  citations: readonly Citation[],
): number[] {
  const bytes = new TextEncoder().encode(ris(citations))
  const outcome = importIntoSource(db, {
    reviewId,
    source: { newSource: source },
    fileName: `${source.name}.ris`,
    sha256: createHash('sha256').update(bytes).update(String(Math.random())).digest('hex'),
    sizeBytes: bytes.length,
    chunks: [bytes],
    actorId: null,
  })
  if (outcome.status !== 'imported') throw new Error(`import into ${source.name} failed: ${outcome.status}`)
  return db
    .select({ id: records.id })
    .from(records)
    .where(eq(records.batchId, outcome.summary.batch))
    .all()
    .map((row) => row.id)
}

/** Stores where a record stands at a stage, as the voting code does once the votes decide it. */
export function setScreeningOutcome(
  db: Executor,
  recordId: number,
  stage: ScreeningStage,
  outcome: ScreeningOutcome,
): void {
  const record = db.select({ reviewId: records.reviewId }).from(records).where(eq(records.id, recordId)).get()
  if (!record) throw new Error(`no record ${recordId}`)
  const row = { outcome, votes: outcome === 'pending' ? 0 : 2, updatedAt: new Date() }
  db.insert(screeningStatus)
    .values({ recordId, stage, reviewId: record.reviewId, ...row })
    .onConflictDoUpdate({ target: [screeningStatus.recordId, screeningStatus.stage], set: row })
    .run()
}

/** What the full-text voting code does when a report is included: the status and its study, in one transaction. */
export function includeAtFullText(db: Db, recordId: number): number {
  return db.transaction((tx) => {
    setScreeningOutcome(tx, recordId, 'full_text', 'included')
    return ensureStudyForReport(tx, recordId).id
  })
}
