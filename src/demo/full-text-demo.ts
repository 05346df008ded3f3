/**
 * The demo review past title/abstract: retrieval (one report not retrieved, the rest with a PDF), full-text
 * screening by both reviewers (agreed inclusions, an exclusion for one agreed reason, a conflict left open), a
 * study with two reports, then appraisal, extraction and the synthesis built on the included studies.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { exclusionReasons, reports, secondOrderConstructs, studies } from '../../db/schema.ts'
import type { ScreeningVerdict } from '../domain/vocabulary.ts'
import { castVote } from '../store/screening-votes.ts'
import { seedAppraisalDemo } from './appraisal-demo.ts'
import { seedRetrievalDemo } from './retrieval-demo.ts'
import { recordByTitle } from './screening-demo.ts'
import { addSynthesisDemo } from './synthesis-demo.ts'

type FullTextVote = [
  titleStart: string,
  owner: ScreeningVerdict,
  second: ScreeningVerdict,
  reason?: [ownerReason: number, secondReason: number],
]

/** Reasons are positions in the demo's ordered list (DEMO_EXCLUSION_REASONS). */
const FULL_TEXT_VOTES: FullTextVote[] = [
  ['The consequences of micro-discretions', 'include', 'include'],
  ['Patient buy-in to social prescribing', 'include', 'include'],
  ['Implementation of link workers in primary care', 'include', 'include'],
  ['Implementation and impact of a social prescribing', 'include', 'include'],
  ['Constituting link working', 'include', 'include'],
  ['The frontline of social prescribing - how', 'exclude', 'exclude', [0, 0]],
  ['Experiences of integrating social prescribing link workers', 'include', 'exclude', [3, 3]],
]

export interface FullTextDemoPeople {
  reviewId: number
  ownerId: number
  secondId: number
  filesDir: string
  at: Date
}

export function seedFullTextDemo(db: Executor, people: FullTextDemoPeople): void {
  const id = (titleStart: string) => recordByTitle(db, people.reviewId, titleStart)
  // The realist evaluation's synopsis and its paper on patient buy-in report one study.
  seedRetrievalDemo(db, {
    reviewId: people.reviewId,
    actorId: people.ownerId,
    filesDir: people.filesDir,
    recordIds: [
      id('Supporting social prescribing in primary care'),
      id('Patient buy-in to social prescribing'),
      id('Implementation of link workers in primary care'),
      ...FULL_TEXT_VOTES.filter((_vote, index) => index !== 1 && index !== 2).map(([title]) => id(title)),
    ],
    now: people.at,
  })
  const reasonIds = db
    .select({ id: exclusionReasons.id })
    .from(exclusionReasons)
    .where(eq(exclusionReasons.reviewId, people.reviewId))
    .orderBy(asc(exclusionReasons.position))
    .all()
    .map((reason) => reason.id)
  let minute = 0
  for (const [titleStart, ownerVerdict, secondVerdict, reasons] of FULL_TEXT_VOTES) {
    const recordId = id(titleStart)
    const votes = [
      [people.ownerId, ownerVerdict, reasons?.[0]],
      [people.secondId, secondVerdict, reasons?.[1]],
    ] as const
    for (const [reviewerId, verdict, reason] of votes) {
      const at = new Date(people.at.getTime() + ++minute * 60_000)
      const reasonId = verdict === 'exclude' && reason !== undefined ? (reasonIds[reason] ?? null) : null
      castVote(db, {
        reviewId: people.reviewId,
        recordId,
        stage: 'full_text',
        reviewerId,
        verdict,
        reasonId,
        note: '',
        via: 'web',
        at,
      })
    }
  }
  const studyIds = includedStudyIds(db, people.reviewId)
  seedAppraisalDemo(db, {
    reviewId: people.reviewId,
    ownerId: people.ownerId,
    reviewerId: people.secondId,
    studyIds,
    now: people.at,
  })
  const constructs = db
    .select({
      id: secondOrderConstructs.id,
      studyId: secondOrderConstructs.studyId,
      label: secondOrderConstructs.label,
    })
    .from(secondOrderConstructs)
    .where(eq(secondOrderConstructs.reviewId, people.reviewId))
    .all()
  addSynthesisDemo(db, { reviewId: people.reviewId, actorId: people.ownerId, constructs, now: people.at })
}

function includedStudyIds(db: Executor, reviewId: number): number[] {
  return db
    .selectDistinct({ id: studies.id })
    .from(studies)
    .innerJoin(reports, and(eq(reports.studyId, studies.id)))
    .where(eq(studies.reviewId, reviewId))
    .orderBy(asc(studies.id))
    .all()
    .map((study) => study.id)
}
