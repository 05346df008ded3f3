/**
 * The PRISMA facts of a review (src/domain/prisma/facts.ts), read with a handful of GROUP BY queries so a
 * review of 100,000 records never sends a row per record to the domain. Read-only: it joins the screening,
 * retrieval and study tables other modules write.
 *
 * What counts as what is stages.ts's (facts.ts says why): a record is "databases and registers" when its
 * own source has kind database or register; a report sought with no reports row is awaiting retrieval;
 * a retrieved report's full-text outcome decides assessed / excluded (one reason) / included; included
 * reports with a study_id count as included reports, their distinct studies as studies.
 */
import { and, asc, count, countDistinct, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { READ_ONLY, type Executor } from '../../db/client.ts'
import { foundByOtherMethods, includedReportIds, isSought, outcomesInStage } from './stages.ts'
import { exclusionReasons, records, reports, reviews, screeningStatus, sources } from '../../db/schema.ts'
import { emptyReportFacts, type PrismaFacts, type ReportFacts } from '../domain/prisma/facts.ts'
import { countPendingDuplicates } from './duplicates.ts'
import { OTHER_METHOD_SOURCE_KINDS, type ScreeningOutcome, type SourceKind } from '../domain/vocabulary.ts'

export function prismaFacts(db: Executor, reviewId: number): PrismaFacts {
  // One read transaction: every count sees the same snapshot, so a vote landing midway cannot break an equation.
  return db.transaction((tx) => readFacts(tx, reviewId), READ_ONLY)
}

function readFacts(db: Executor, reviewId: number): PrismaFacts {
  const review = db
    .select({
      template: reviews.prismaTemplate,
      reviewersPerRecord: reviews.reviewersPerRecord,
      previousStudies: reviews.previousStudies,
      previousReports: reviews.previousReports,
    })
    .from(reviews)
    .where(eq(reviews.id, reviewId))
    .get()
  if (!review) throw new RangeError(`prismaFacts: no review ${reviewId}`)

  const sourceRows = db
    .select({ id: sources.id, name: sources.name, kind: sources.kind })
    .from(sources)
    .where(eq(sources.reviewId, reviewId))
    .orderBy(asc(sources.id))
    .all()
  const isOther = new Set(otherMethodSources(sourceRows))
  const recordsPerSource = countRecordsPerSource(
    db,
    reviewId,
    sourceRows.map((source) => source.id),
  )

  let dbrUnique = 0
  let dbrDuplicates = 0
  let otherUnique = 0
  let otherAlreadyFound = 0
  for (const row of recordsPerSource) {
    if (isOther.has(row.sourceId)) {
      otherUnique += row.unique
      otherAlreadyFound += row.duplicates
    } else {
      dbrUnique += row.unique
      dbrDuplicates += row.duplicates
    }
  }
  const identified = new Map(recordsPerSource.map((row) => [row.sourceId, row.unique + row.duplicates]))
  const titleAbstractState = titleAbstractFacts(db, reviewId, dbrUnique, review.reviewersPerRecord)
  const columns = reportFacts(db, reviewId)
  // Reports sought (stages.ts) counted per column without building the set: in the databases column they
  // are the records of the title/abstract stage included there, in the other column the unique records
  // found by other methods. The stage-count property test holds these to the set's own count.
  columns.dbr.sought = titleAbstractState.included
  columns.other.sought = otherUnique
  for (const column of [columns.dbr, columns.other]) {
    // A report sought with no reports row yet is awaiting retrieval, like one whose row says so.
    column.awaitingRetrieval = column.sought - column.notRetrieved - retrievedCount(column)
  }

  return {
    template: review.template,
    sources: sourceRows.map((source) => ({
      name: source.name,
      kind: source.kind,
      identified: identified.get(source.id) ?? 0,
    })),
    // Weft stores no automation-tool verdicts and no removals before screening other than duplicates (yet).
    removedBeforeScreening: { duplicates: dbrDuplicates, automation: 0, other: 0 },
    duplicatePairsWaiting: countPendingDuplicates(db, reviewId),
    titleAbstract: titleAbstractState,
    databaseReports: columns.dbr,
    otherMethods: { alreadyFound: otherAlreadyFound, reports: columns.other },
    included: includedFacts(db, reviewId),
    previous: { studies: review.previousStudies, reports: review.previousReports },
    reasons: db
      .select({ id: exclusionReasons.id, label: exclusionReasons.label, position: exclusionReasons.position })
      .from(exclusionReasons)
      .where(eq(exclusionReasons.reviewId, reviewId))
      .orderBy(asc(exclusionReasons.position))
      .all(),
  }
}

export function otherMethodSources(sourceRows: readonly { id: number; kind: SourceKind }[]): number[] {
  return sourceRows.filter((source) => OTHER_METHOD_SOURCE_KINDS.includes(source.kind)).map((source) => source.id)
}

/**
 * Records per source, unique and duplicate apart, read from the covering index without touching a record
 * row. One count per source seeks straight to (review, unique, source); it beats one GROUP BY, which sorts.
 */
function countRecordsPerSource(db: Executor, reviewId: number, sourceIds: number[]) {
  const counts = sourceIds.map((sourceId) => ({
    sourceId,
    unique: db
      .select({ n: count() })
      .from(records)
      .where(and(eq(records.reviewId, reviewId), isNull(records.duplicateOf), eq(records.sourceId, sourceId)))
      .get()!.n,
    duplicates: 0,
  }))
  const duplicates = db
    .select({ sourceId: records.sourceId, n: count() })
    .from(records)
    .where(and(eq(records.reviewId, reviewId), isNotNull(records.duplicateOf)))
    .groupBy(records.sourceId)
    .all()
  for (const { sourceId, n } of duplicates) {
    const source = counts.find((row) => row.sourceId === sourceId)
    if (source) source.duplicates = n
  }
  return counts
}

/** The unique databases/registers records by title/abstract state; no status row means not yet screened. */
function titleAbstractFacts(db: Executor, reviewId: number, dbrUnique: number, reviewersPerRecord: number) {
  const outcomes = outcomesInStage(db, reviewId, 'title_abstract')
  const n = (outcome: ScreeningOutcome) => outcomes.get(outcome)?.records ?? 0
  const oneVoteIn = (outcomes.get('pending')?.withVotes ?? 0) + (outcomes.get('reopened')?.withVotes ?? 0)
  // One reviewer's vote on a two-reviewer record waits for the second; with one reviewer it cannot happen.
  const awaitingSecondReviewer = reviewersPerRecord > 1 ? oneVoteIn : 0
  return {
    excludedByHuman: n('excluded'),
    excludedByAutomation: 0,
    included: n('included'),
    unscreened: dbrUnique - n('excluded') - n('included') - n('conflict') - awaitingSecondReviewer,
    awaitingSecondReviewer,
    inConflict: n('conflict'),
  }
}

/** The full-text status row of a report's record, for joins. */
const fullText = alias(screeningStatus, 'ft')

/** Reports per column by retrieval state and full-text outcome (with the primary reason of an exclusion). */
function reportFacts(db: Executor, reviewId: number): { dbr: ReportFacts; other: ReportFacts } {
  const dbr = { ...emptyReportFacts(), excluded: [] as { reasonId: number | null; count: number }[] }
  const other = { ...emptyReportFacts(), excluded: [] as { reasonId: number | null; count: number }[] }
  const rows = db
    .select({
      other: sql<number>`${inArray(reports.recordId, foundByOtherMethods(db, reviewId))}`.mapWith(Boolean),
      retrieval: reports.retrieval,
      outcome: fullText.outcome,
      reasonId: fullText.reasonId,
      n: count(),
    })
    .from(reports)
    .leftJoin(fullText, and(eq(fullText.recordId, reports.recordId), eq(fullText.stage, 'full_text')))
    .where(and(eq(reports.reviewId, reviewId), isSought(db, reviewId, reports.recordId)))
    .groupBy(sql`1`, reports.retrieval, fullText.outcome, fullText.reasonId)
    .all()
  for (const row of rows) {
    const column = row.other ? other : dbr
    if (row.retrieval === 'not_retrieved') column.notRetrieved += row.n
    else if (row.retrieval === 'retrieved') addFullTextOutcome(column, row.outcome, row.reasonId, row.n)
  }
  return { dbr, other }
}

function addFullTextOutcome(
  column: ReportFacts & { excluded: { reasonId: number | null; count: number }[] },
  outcome: ScreeningOutcome | null,
  reasonId: number | null,
  n: number,
): void {
  if (outcome === 'excluded') column.excluded.push({ reasonId, count: n })
  else if (outcome === 'included') column.included += n
  else if (outcome === 'conflict') column.inConflict += n
  else column.awaitingDecision += n
}

function retrievedCount(column: ReportFacts): number {
  return (
    column.excluded.reduce((n, e) => n + e.count, 0) + column.included + column.inConflict + column.awaitingDecision
  )
}

/** The "Included" row from the study ↔ report links of the reports included at full text. */
function includedFacts(db: Executor, reviewId: number): PrismaFacts['included'] {
  const row = db
    .select({
      studies: countDistinct(reports.studyId),
      reports: count(reports.studyId),
      all: count(),
    })
    .from(reports)
    .where(and(eq(reports.reviewId, reviewId), inArray(reports.recordId, includedReportIds(db, reviewId))))
    .get()
  return {
    studies: row?.studies ?? 0,
    reports: row?.reports ?? 0,
    reportsNotLinked: (row?.all ?? 0) - (row?.reports ?? 0),
  }
}
