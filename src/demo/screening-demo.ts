/**
 * Title/abstract screening under way in the demo review: two reviewers, blind and dual, most records
 * decided, some in conflict (one resolved with a note), one waiting for its second vote, two not yet
 * screened. Records are found by the start of their titles, so the demo reads like the method.
 */
import { and, eq, isNull, like } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records } from '../../db/schema.ts'
import type { ScreeningVerdict } from '../domain/vocabulary.ts'
import { resolveConflict } from '../store/screening-resolutions.ts'
import { castVote } from '../store/screening-votes.ts'

type Votes = [titleStart: string, owner: ScreeningVerdict | null, second: ScreeningVerdict | null, note?: string]

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
  ['Green space prescriptions', 'exclude', 'include', 'Green prescribing, but is anyone a link worker?'],
  [
    'Implementation of link workers in primary care',
    'include',
    'maybe',
    'A synopsis: is there enough qualitative data?',
  ],
  ['The frontline of social prescribing - how', 'include', 'exclude', 'Commentary or research?'],
  ['Nurse-led telephone follow-up', 'exclude', null],
]

/** The conflicts an owner has already settled, with the note the resolution keeps. */
const RESOLVED: [titleStart: string, verdict: 'include' | 'exclude', note: string][] = [
  [
    'The frontline of social prescribing - how',
    'include',
    'Discussed: reports interviews with link workers; include for full text.',
  ],
  [
    'Implementation of link workers in primary care',
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
  people: { reviewId: number; ownerId: number; secondId: number; at: Date },
): void {
  let minute = 0
  const at = () => new Date(people.at.getTime() + ++minute * 60_000)
  for (const [titleStart, ownerVerdict, secondVerdict, note] of TITLE_ABSTRACT_VOTES) {
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
        note: reviewerId === people.secondId ? (note ?? '') : '',
        via: 'web',
        at: at(),
      })
    }
  }
  for (const [titleStart, verdict, note] of RESOLVED) {
    const recordId = recordByTitle(db, people.reviewId, titleStart)
    resolveConflict(db, {
      reviewId: people.reviewId,
      recordId,
      stage: 'title_abstract',
      verdict,
      reasonId: null,
      note,
      resolvedBy: people.ownerId,
      at: at(),
    })
  }
}
