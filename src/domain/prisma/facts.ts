import type { PrismaTemplate, SourceKind } from '../vocabulary.ts'

/**
 * What `prismaCounts` needs to know about a review: aggregated facts, each one a COUNT(*) … GROUP BY that the
 * store computes in a handful of queries, so a review of 100,000 records costs the domain nothing. No row
 * per record ever reaches the domain.
 *
 * Several facts are counted twice on purpose, from different tables (records per source; records per
 * screening state; reports per retrieval state; reports linked to studies). The PRISMA equations tie them
 * together, so a count that drifted from the others shows up as a broken equation instead of a wrong
 * diagram.
 *
 * Conventions the store follows (so that every work is counted once):
 * - A record is "from databases and registers" when its own source has kind database or register, and
 *   "from other methods" otherwise.
 * - Among duplicates, the primary record (duplicate_of IS NULL) carries the work on. When a work was found
 *   both ways, the primary should be a databases/registers record, so the work is drawn in that column and its
 *   other-methods copies are `alreadyFound`. (The equations hold either way: each column counts its own.)
 *
 * With the screening tables: title/abstract `screening_status.outcome` included/excluded are final, conflict
 * is `inConflict`, pending/reopened are `unscreened` (or `awaitingSecondReviewer` when one of two votes is
 * in); `reports.retrieval` awaiting/not_retrieved are the retrieval states, and a retrieved report's
 * full-text outcome (excluded under `reason_id`, included, conflict, else awaiting a decision) the rest;
 * included reports with a `study_id` are `included.reports`, COUNT(DISTINCT study_id) `included.studies`.
 */
export interface PrismaFacts {
  /** The review's PRISMA template; it decides the columns and the wording of the diagram. */
  template: PrismaTemplate
  /** Every search of the review, with the records imported from it BEFORE deduplication (PRISMA-S item 15). */
  sources: readonly PrismaSourceFact[]
  /** Databases/registers records removed before title/abstract screening (the "Records removed" box). */
  removedBeforeScreening: {
    /** Databases/registers records that are duplicates (duplicate_of set). */
    duplicates: number
    /** Records marked as ineligible by automation tools before screening. */
    automation: number
    /** Records removed for other reasons before screening (e.g. retracted, out of date range). */
    other: number
  }
  /**
   * Possible duplicate pairs waiting for a reviewer's "Duplicate" / "Not duplicate": until they are decided the
   * duplicates box (and the records screened after it) may still move. Absent means none.
   */
  duplicatePairsWaiting?: number
  /** The unique databases/registers records left after removal, each in exactly ONE title/abstract state. */
  titleAbstract: TitleAbstractFacts
  /** Reports of the databases-and-registers column. */
  databaseReports: ReportFacts
  /** The other-methods column (websites, organisations, citation searching, other). */
  otherMethods: {
    /**
     * Other-methods records not sought because the work was already found (a duplicate of a databases/registers
     * record or of another other-methods record). The template has no box for it: it becomes a note.
     */
    alreadyFound: number
    /** Reports of the other-methods column: other-methods records go straight to "Reports sought for retrieval". */
    reports: ReportFacts
  }
  /** The "Included" row, counted from the study ↔ report links (not from the decisions). */
  included: {
    /** Studies first included in this version of the review (at least one newly included report). */
    studies: number
    /** Newly included reports linked to a study. */
    reports: number
    /** Newly included reports not yet linked to a study (work left to do; blocks a final diagram). */
    reportsNotLinked: number
  }
  /** Updated reviews: studies and reports of the previous version, entered by an owner. 0 for new reviews. */
  previous: { studies: number; reports: number }
  /** The review's full-text exclusion reasons; `position` is the review's order (its hierarchy). */
  reasons: readonly PrismaReasonFact[]
}

/** One search as run. Sources of the same name and kind are added together (a search re-run, say). */
export interface PrismaSourceFact {
  name: string
  kind: SourceKind
  /** Records imported from this source, duplicates included. */
  identified: number
}

export interface PrismaReasonFact {
  id: number
  label: string
  position: number
}

/** Title/abstract state of the unique databases/registers records: the six numbers partition them. */
export interface TitleAbstractFacts {
  /** Final verdict exclude, by a reviewer (or a resolved conflict). */
  excludedByHuman: number
  /** Final verdict exclude, by an automation tool (footnote ** of the template). */
  excludedByAutomation: number
  /** Final verdict include: each becomes a report sought for retrieval. */
  included: number
  /** No decision yet. */
  unscreened: number
  /** Screened by one reviewer where the review asks for two. */
  awaitingSecondReviewer: number
  /** Reviewers disagree and nobody has resolved it yet. */
  inConflict: number
}

/**
 * Reports of one column. `sought` is counted on its own (rows of the report table); the other numbers
 * partition those reports: each report is not retrieved, awaiting retrieval, or retrieved and then
 * excluded (under its ONE primary reason), included, awaiting a decision, or in conflict.
 */
export interface ReportFacts {
  sought: number
  notRetrieved: number
  awaitingRetrieval: number
  /** Final full-text exclusions per primary reason id; `reasonId: null` = excluded with no reason recorded. */
  excluded: readonly { reasonId: number | null; count: number }[]
  included: number
  /** Retrieved, no final full-text decision yet. */
  awaitingDecision: number
  /** Retrieved, reviewers disagree at full text and nobody has resolved it. */
  inConflict: number
}

/** A review with nothing in it yet: the starting point the store (and the tests) fill in. */
export function emptyPrismaFacts(template: PrismaTemplate): PrismaFacts {
  return {
    template,
    sources: [],
    removedBeforeScreening: { duplicates: 0, automation: 0, other: 0 },
    titleAbstract: {
      excludedByHuman: 0,
      excludedByAutomation: 0,
      included: 0,
      unscreened: 0,
      awaitingSecondReviewer: 0,
      inConflict: 0,
    },
    databaseReports: emptyReportFacts(),
    otherMethods: { alreadyFound: 0, reports: emptyReportFacts() },
    included: { studies: 0, reports: 0, reportsNotLinked: 0 },
    previous: { studies: 0, reports: 0 },
    reasons: [],
  }
}

export function emptyReportFacts(): ReportFacts {
  return {
    sought: 0,
    notRetrieved: 0,
    awaitingRetrieval: 0,
    excluded: [],
    included: 0,
    awaitingDecision: 0,
    inConflict: 0,
  }
}
