/**
 * Title/abstract screening under way in the demo review: two reviewers, blind and dual, most records
 * decided, some in conflict (resolved with a note by the owner, and by the review's third reviewer), one
 * in conflict still open, one waiting for its second vote, two not yet screened. The owner's notes on the
 * records still undecided stay hers under blind screening (the demo test walks every page as the second
 * reviewer to show it). Records are found by the start of their titles, so the demo reads like the method.
 */
import { and, eq, isNull, like } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records } from '../../db/schema.ts'
import type { ScreeningVerdict } from '../domain/vocabulary.ts'
import { resolveConflict } from '../store/screening-resolutions.ts'
import { castVote } from '../store/screening-votes.ts'

type Votes = [
  titleStart: string,
  owner: ScreeningVerdict | null,
  second: ScreeningVerdict | null,
  secondNote?: string,
  ownerNote?: string,
]

const TITLE_ABSTRACT_VOTES: Votes[] = [
  ['The consequences of micro-discretions', 'include', 'include'],
  ['Patient buy-in to social prescribing', 'include', 'include'],
  ['Implementation and impact of a social prescribing', 'include', 'include'],
  ['Supporting social prescribing in primary care', 'include', 'include'],
  ['Constituting link working', 'include', 'include'],
  ['Experiences of integrating social prescribing link workers', 'include', 'include'],
  ['Exercise referral schemes', 'exclude', 'exclude', 'Trial of exercise referral; no link workers.'],
  ['Statin adherence', 'exclude', 'exclude'],
  ['Smartphone apps for smoking cessation', 'exclude', 'exclude'],
  ['Soil carbon', 'exclude', 'exclude'],
  [
    'Green space prescriptions',
    'exclude',
    'include',
    'Green prescribing, but is anyone a link worker?',
    'Outdoor activity scheme; nobody in a link-worker role.',
  ],
  [
    'Implementation of link workers in primary care',
    'include',
    'maybe',
    'A synopsis: is there enough qualitative data?',
  ],
  ['The frontline of social prescribing - how', 'include', 'exclude', 'Commentary or research?'],
  ['Nurse-led telephone follow-up', 'exclude', null, '', 'Nurse follow-up after discharge, not social prescribing.'],
]

/** The conflicts already settled, by whom (the owner or the third reviewer), with the note the resolution keeps. */
const RESOLVED: [titleStart: string, by: 'owner' | 'third', verdict: 'include' | 'exclude', note: string][] = [
  [
    'The frontline of social prescribing - how',
    'owner',
    'include',
    'Discussed: reports interviews with link workers; include for full text.',
  ],
  [
    'Implementation of link workers in primary care',
    'third',
    'include',
    'Synopsis of the realist evaluation; full text will tell.',
  ],
]

export function recordByTitle(db: Executor, reviewId: number, titleStart: string): number {
  const record = db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.reviewId, reviewId), isNull(records.duplicateOf), like(records.title, `${titleStart}%`)))
    .get()
  if (!record) throw new Error(`demo screening: no record titled “${titleStart}…”`)
  return record.id
}

export function seedScreeningDemo(
  db: Executor,
  people: { reviewId: number; ownerId: number; secondId: number; thirdId: number; at: Date },
): void {
  let minute = 0
  const at = () => new Date(people.at.getTime() + ++minute * 60_000)
  for (const [titleStart, ownerVerdict, secondVerdict, secondNote, ownerNote] of TITLE_ABSTRACT_VOTES) {
    const recordId = recordByTitle(db, people.reviewId, titleStart)
    for (const [reviewerId, verdict] of [
      [people.ownerId, ownerVerdict],
      [people.secondId, secondVerdict],
    ] as const) {
      if (verdict === null) continue
      castVote(db, {
        reviewId: people.reviewId,
        recordId,
        stage: 'title_abstract',
        reviewerId,
        verdict,
        reasonId: null,
        note: (reviewerId === people.secondId ? secondNote : ownerNote) ?? '',
        via: 'web',
        at: at(),
      })
    }
  }
  for (const [titleStart, by, verdict, note] of RESOLVED) {
    const recordId = recordByTitle(db, people.reviewId, titleStart)
    resolveConflict(db, {
      reviewId: people.reviewId,
      recordId,
      stage: 'title_abstract',
      verdict,
      reasonId: null,
      note,
      resolvedBy: by === 'owner' ? people.ownerId : people.thirdId,
      at: at(),
    })
  }
}
