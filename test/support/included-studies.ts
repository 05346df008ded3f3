/**
 * Included studies for appraisal and extraction tests, made the way screening will leave them: records
 * imported from a small RIS file written here, then for each a report in a study and screening_status
 * rows marking it included at title/abstract and at full text.
 */
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { records, reports, reviews, screeningStatus, studies } from '../../db/schema.ts'
import { importReferenceFile } from '../../src/store/imports.ts'
import { createSource } from '../../src/store/sources.ts'
import { findUserByEmail } from '../../src/store/users.ts'
import { addAccount, Agent, reviewOwnedBy, signedIn, testWeft, type TestWeft } from './app.ts'

export interface StudySpec {
  label: string
  /** Attach a full text (its SHA-256) to the study's report. */
  pdf?: boolean
  /** Leave the report excluded at full text: the study is then not included. */
  excluded?: boolean
}

function risFile(specs: readonly StudySpec[]): string {
  return specs
    .map((spec, index) =>
      [
        'TY  - JOUR',
        `TI  - ${spec.label}: link workers’ experiences of social prescribing (${index + 1})`,
        `AU  - ${spec.label.split(' ')[0]}, A.`,
        `PY  - ${spec.label.match(/\d{4}/)?.[0] ?? '2020'}`,
        'JO  - Health and Social Care in the Community',
        'ER  - ',
      ].join('\r\n'),
    )
    .join('\r\n\r\n')
}

let fileCount = 0

/** Imports one record per spec and makes each a study (included unless `excluded`); returns the study ids. */
export function addIncludedStudies(
  db: Db,
  reviewId: number,
  specs: readonly StudySpec[],
  now = new Date('2026-11-01T09:00:00Z'),
): number[] {
  const bytes = new TextEncoder().encode(risFile(specs))
  fileCount += 1
  const source = createSource(
    db,
    reviewId,
    {
      name: `Hand search ${fileCount}`,
      platform: '',
      kind: 'other',
      dateRun: '',
      coverage: '',
      strategy: '',
      limits: '',
      filters: '',
      notes: '',
    },
    null,
  )
  const outcome = importReferenceFile(db, {
    reviewId,
    sourceId: source.id,
    fileName: `included-${fileCount}.ris`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
    chunks: [bytes],
    actorId: null,
  })
  if (outcome.status !== 'imported') throw new Error(`the included-studies RIS did not import: ${outcome.status}`)
  const recordIds = db
    .select({ id: records.id })
    .from(records)
    .where(eq(records.batchId, outcome.summary.batch))
    .orderBy(records.id)
    .all()
  return db.transaction((tx) =>
    specs.map((spec, index) => {
      const recordId = recordIds[index]!.id
      const study = tx.insert(studies).values({ reviewId, label: spec.label }).returning().get()
      tx.insert(reports)
        .values({
          recordId,
          reviewId,
          retrieval: 'retrieved',
          studyId: study.id,
          updatedAt: now,
          ...(spec.pdf
            ? {
                fileSha256: createHash('sha256').update(spec.label).digest('hex'),
                fileName: `${spec.label}.pdf`,
                fileSize: 1000,
              }
            : {}),
        })
        .run()
      for (const stage of ['title_abstract', 'full_text'] as const) {
        const outcome = stage === 'full_text' && spec.excluded ? 'excluded' : 'included'
        tx.insert(screeningStatus).values({ recordId, stage, reviewId, outcome, votes: 2, updatedAt: now }).run()
      }
      return study.id
    }),
  )
}

export interface AppraisalTeam {
  weft: TestWeft
  slug: string
  reviewId: number
  owner: Agent
  first: Agent
  second: Agent
  viewer: Agent
  ids: { owner: number; first: number; second: number; viewer: number }
  studyIds: number[]
}

/** A review with an owner, two reviewers and a viewer, all signed in, and included studies per `specs`. */
export async function appraisalTeam(
  specs: readonly StudySpec[] = [{ label: 'Moffatt 2017', pdf: true }, { label: 'Wildman 2019' }],
  weft = testWeft(),
  slug = 'link-workers',
): Promise<AppraisalTeam> {
  const owner = await signedIn(weft, `owner@${slug}.example.org`)
  await reviewOwnedBy(owner, slug)
  const agents: Record<string, Agent> = {}
  const ids: Record<string, number> = {}
  for (const [name, role] of [
    ['first', 'reviewer'],
    ['second', 'reviewer'],
    ['viewer', 'viewer'],
  ] as const) {
    const email = `${name}@${slug}.example.org`
    ids[name] = (await addAccount(weft.db, email)).id
    const added = await owner.post(`/reviews/${slug}/members`, { email, role })
    if (added.status !== 303) throw new Error(`adding ${email} failed with ${added.status}`)
    agents[name] = new Agent(weft)
    await agents[name].signIn(email)
  }
  const review = weft.db.select().from(reviews).where(eq(reviews.slug, slug)).get()!
  ids['owner'] = findUserByEmail(weft.db, `owner@${slug}.example.org`)!.id
  const studyIds = addIncludedStudies(weft.db, review.id, specs)
  return {
    weft,
    slug,
    reviewId: review.id,
    owner,
    first: agents['first']!,
    second: agents['second']!,
    viewer: agents['viewer']!,
    ids: ids as AppraisalTeam['ids'],
    studyIds,
  }
}
