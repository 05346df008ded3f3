import { and, count, countDistinct, eq, inArray, type SQL } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'
import { appraisals, memberships, secondOrderConstructs, thirdOrderConstructs } from '../../db/schema.ts'
import { prismaCounts } from '../domain/prisma/index.ts'
import { prismaFacts } from './prisma-facts.ts'
import {
  summariseIdentification,
  type IdentificationCounts,
  type IdentificationSummary,
} from '../domain/identification.ts'
import { REVIEW_STAGES, type StageCounts } from '../domain/review-stages.ts'
import { identificationCounts } from './identification.ts'
import { includedStudyIds, synthesisStudyIds } from './stages.ts'

export interface ReviewOverview {
  stageCounts: StageCounts
  identification: IdentificationCounts
  identificationSummary: IdentificationSummary
  /** Title/abstract records without a final verdict, as PRISMA counts the screening still open. */
  recordsLeftToScreen: number
  memberCount: number
}

function countRows(db: Executor, table: SQLiteTable, where: SQL | undefined): number {
  return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0
}

/** Studies in the synthesis with at least one second-order construct extracted. */
function countExtractedStudies(db: Executor, reviewId: number): number {
  return (
    db
      .select({ n: countDistinct(secondOrderConstructs.studyId) })
      .from(secondOrderConstructs)
      .where(
        and(
          eq(secondOrderConstructs.reviewId, reviewId),
          inArray(secondOrderConstructs.studyId, synthesisStudyIds(db, reviewId)),
        ),
      )
      .get()?.n ?? 0
  )
}

/**
 * Counts for the review dashboard, read from the stored facts: the PRISMA boxes for screening through
 * inclusion (so the dashboard and the flow diagram cannot disagree), then appraisal, extraction, synthesis.
 */
export function reviewOverview(db: Executor, reviewId: number): ReviewOverview {
  const identification = identificationCounts(db, reviewId)
  const identificationSummary = summariseIdentification(identification)
  const stageCounts = Object.fromEntries(REVIEW_STAGES.map((stage) => [stage, 0])) as StageCounts
  stageCounts.identification = identificationSummary.identified
  const facts = prismaFacts(db, reviewId)
  const { boxes } = prismaCounts(facts)
  const ta = facts.titleAbstract
  stageCounts.screening = boxes.records_screened
  stageCounts.retrieval = boxes.dbr_sought_reports + boxes.other_sought_reports
  stageCounts.eligibility = boxes.dbr_assessed + boxes.other_assessed
  stageCounts.included = boxes.new_studies
  stageCounts.appraisal =
    db
      .select({ n: countDistinct(appraisals.studyId) })
      .from(appraisals)
      .where(
        and(
          eq(appraisals.reviewId, reviewId),
          eq(appraisals.kind, 'consensus'),
          inArray(appraisals.studyId, includedStudyIds(db, reviewId)),
        ),
      )
      .get()?.n ?? 0
  stageCounts.extraction = countExtractedStudies(db, reviewId)
  stageCounts.synthesis = countRows(db, thirdOrderConstructs, eq(thirdOrderConstructs.reviewId, reviewId))
  const memberCount =
    db.select({ n: count() }).from(memberships).where(eq(memberships.reviewId, reviewId)).get()?.n ?? 0
  const recordsLeftToScreen = ta.unscreened + ta.awaitingSecondReviewer + ta.inConflict
  return { stageCounts, identification, identificationSummary, recordsLeftToScreen, memberCount }
}
