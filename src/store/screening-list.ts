/**
 * The list view of a stage: search over title and abstract, filters, and keyset pagination (`after`
 * the last id shown), so page 200 costs what page 1 costs.
 */
import { aliasedTable, and, asc, eq, exists, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, screeningStatus, screeningVotes, sources, type Review } from '../../db/schema.ts'
import { outcomesWithVisibleVotes, visibleOutcome, type VoteViewer } from '../domain/screening/blinding.ts'
import type { ScreeningStage, ScreeningVerdict } from '../domain/vocabulary.ts'
import type { ScreeningListRow } from '../domain/screening/card.ts'
import type { ScreeningListFilters } from '../domain/screening/list-filters.ts'
import { carriesLabel } from './record-labels.ts'
import { inStage, voteOnRecord } from './screening-stage.ts'
import { anyContains } from './text-search.ts'

export interface ScreeningListPage {
  rows: ScreeningListRow[]
  nextAfter: number | null
}

const myVotes = aliasedTable(screeningVotes, 'my_votes')

export function listStageRecords(
  db: Executor,
  request: {
    review: Review
    stage: ScreeningStage
    /** Who is looking: other reviewers' votes and conflicts count only where blinding lets them see. */
    viewer: VoteViewer & { id: number }
    filters: ScreeningListFilters
    after: number
    limit: number
  },
): ScreeningListPage {
  const { stage, viewer, filters } = request
  const viewerId = viewer.id
  const conditions: SQL[] = [inStage(db, request.review.id, stage), gt(records.id, request.after)]
  if (filters.q) conditions.push(anyContains([records.title, records.abstract], filters.q))
  if (filters.mine === 'none') conditions.push(isNull(myVotes.verdict))
  else if (filters.mine) conditions.push(eq(myVotes.verdict, filters.mine))
  if (filters.sourceId !== null) conditions.push(eq(records.sourceId, filters.sourceId))
  if (filters.label) conditions.push(carriesLabel(db, filters.label))
  if (filters.unscreened) conditions.push(or(isNull(screeningStatus.recordId), eq(screeningStatus.votes, 0))!)
  if (filters.conflicts) {
    const shown = outcomesWithVisibleVotes(viewer).filter((outcome) => outcome === 'conflict' || outcome === 'reopened')
    conditions.push(shown.length === 0 ? sql`0` : inArray(screeningStatus.outcome, shown))
  }
  if (filters.others) {
    conditions.push(inArray(screeningStatus.outcome, [...outcomesWithVisibleVotes(viewer)]))
    const othersVote = and(ne(screeningVotes.reviewerId, viewerId), eq(screeningVotes.verdict, filters.others))
    conditions.push(exists(voteOnRecord(db, stage, othersVote)))
  }
  const rows = db
    .select({
      id: records.id,
      title: records.title,
      year: records.year,
      authors: records.authors,
      source: sources.name,
      myVerdict: myVotes.verdict,
      outcome: screeningStatus.outcome,
      votes: screeningStatus.votes,
    })
    .from(records)
    .innerJoin(sources, eq(sources.id, records.sourceId))
    .leftJoin(
      myVotes,
      and(eq(myVotes.recordId, records.id), eq(myVotes.stage, stage), eq(myVotes.reviewerId, viewerId)),
    )
    .leftJoin(screeningStatus, and(eq(screeningStatus.recordId, records.id), eq(screeningStatus.stage, stage)))
    .where(and(...conditions))
    .orderBy(asc(records.id))
    .limit(request.limit + 1)
    .all()
  const page = rows.slice(0, request.limit).map((row) => ({
    ...row,
    myVerdict: row.myVerdict === 'withdrawn' ? null : (row.myVerdict as ScreeningVerdict | null),
    outcome: visibleOutcome(viewer, row.outcome ?? 'pending'),
    votes: row.votes ?? 0,
  }))
  return { rows: page, nextAfter: rows.length > request.limit ? (page.at(-1)?.id ?? null) : null }
}
