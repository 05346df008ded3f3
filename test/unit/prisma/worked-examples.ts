/**
 * Hand-worked PRISMA reviews: the facts a store would hand over, with the arithmetic written out beside
 * them so each expected box can be checked with a pencil. Shared by the unit tests and the Chromium look.
 */
import { DEFAULT_EXCLUSION_REASONS } from '../../../src/domain/exclusion-reasons.ts'
import type { PrismaFacts, PrismaReasonFact } from '../../../src/domain/prisma/facts.ts'
import type { PrismaTemplate } from '../../../src/domain/vocabulary.ts'

/** The default reasons with ids 11…18 and positions 1…8 (ids deliberately not equal to positions). */
export const REASONS: PrismaReasonFact[] = DEFAULT_EXCLUSION_REASONS.map((label, index) => ({
  id: 11 + index,
  label,
  position: index + 1,
}))
export const WRONG_PUBLICATION_TYPE = 11
export const WRONG_STUDY_DESIGN = 13
export const WRONG_POPULATION = 14
export const WRONG_PHENOMENON = 15

/**
 * A finished link-worker-style review, all four templates from the same facts.
 *
 * Databases: MEDLINE 420 + Embase 380 + CINAHL 250 + PsycINFO 150 = 1,200; registers: ClinicalTrials.gov 30.
 * identified_dbr = 1,200 + 30 = 1,230
 * removed before screening: duplicates 310 + automation 20 + other 0 = 330
 * records_screened = 1,230 − 330 = 900 = excluded 800 (human) + 40 (automation) + included 60
 * records_excluded = 800 + 40 = 840; dbr_sought_reports = 900 − 840 = 60
 * dbr_notretrieved_reports = 4; dbr_assessed = 60 − 4 = 56
 * dbr_excluded: wrong publication type 10, wrong study design 20, wrong population 8 = 38
 * dbr included reports = 56 − 38 = 18
 * Other methods: websites 5 (Social Prescribing Network), citation searching 25 (reference lists),
 *   other 15 (Google Scholar alerts) = 45; already found 30 → other_sought_reports = 45 − 30 = 15
 * other_notretrieved_reports = 1; other_assessed = 15 − 1 = 14
 * other_excluded: wrong phenomenon 6, wrong population 2 = 8 (listed population first: the review's order)
 * other included reports = 14 − 8 = 6
 * new_reports = 18 + 6 = 24, in new_studies = 20 studies
 * Updated templates: previous 12 studies / 15 reports → total_studies 32, total_reports 39.
 */
export function finishedReview(template: PrismaTemplate): PrismaFacts {
  const withOther = template.endsWith('_other')
  const updated = template.startsWith('updated')
  return {
    template,
    sources: [
      { name: 'MEDLINE', kind: 'database', identified: 420 },
      { name: 'Embase', kind: 'database', identified: 380 },
      { name: 'CINAHL', kind: 'database', identified: 250 },
      { name: 'PsycINFO', kind: 'database', identified: 150 },
      { name: 'ClinicalTrials.gov', kind: 'register', identified: 30 },
      ...(withOther
        ? [
            { name: 'Social Prescribing Network', kind: 'website' as const, identified: 5 },
            { name: 'Reference lists', kind: 'citation' as const, identified: 25 },
            { name: 'Google Scholar alerts', kind: 'other' as const, identified: 15 },
          ]
        : []),
    ],
    removedBeforeScreening: { duplicates: 310, automation: 20, other: 0 },
    titleAbstract: {
      excludedByHuman: 800,
      excludedByAutomation: 40,
      included: 60,
      unscreened: 0,
      awaitingSecondReviewer: 0,
      inConflict: 0,
    },
    databaseReports: {
      sought: 60,
      notRetrieved: 4,
      awaitingRetrieval: 0,
      excluded: [
        { reasonId: WRONG_STUDY_DESIGN, count: 20 },
        { reasonId: WRONG_PUBLICATION_TYPE, count: 10 },
        { reasonId: WRONG_POPULATION, count: 8 },
      ],
      included: 18,
      awaitingDecision: 0,
      inConflict: 0,
    },
    otherMethods: {
      alreadyFound: withOther ? 30 : 0,
      reports: withOther
        ? {
            sought: 15,
            notRetrieved: 1,
            awaitingRetrieval: 0,
            excluded: [
              { reasonId: WRONG_PHENOMENON, count: 6 },
              { reasonId: WRONG_POPULATION, count: 2 },
            ],
            included: 6,
            awaitingDecision: 0,
            inConflict: 0,
          }
        : {
            sought: 0,
            notRetrieved: 0,
            awaitingRetrieval: 0,
            excluded: [],
            included: 0,
            awaitingDecision: 0,
            inConflict: 0,
          },
    },
    included: withOther
      ? { studies: 20, reports: 24, reportsNotLinked: 0 }
      : { studies: 15, reports: 18, reportsNotLinked: 0 },
    previous: updated ? { studies: 12, reports: 15 } : { studies: 0, reports: 0 },
    reasons: REASONS,
  }
}

/**
 * The same review half-way: 312 records not yet screened, 5 awaiting a second reviewer, 4 conflicts at
 * title/abstract; 7 reports awaiting retrieval, 2 awaiting a full-text decision, 1 conflict at full text;
 * 3 included reports not yet linked to a study.
 *
 * identified_dbr − removed = 1,230 − 330 = 900 = screened 579 + open 321 (312 + 5 + 4)
 *   screened 579 = excluded 540 (human 520 + automation 20) + included 39
 * dbr_sought_reports = 39; not retrieved 2; assessed 27 = excluded 15 + included 12;
 *   39 − 2 = 37 = 27 + open 10 (7 awaiting retrieval + 2 awaiting a decision + 1 conflict)
 * other: 45 identified − 30 already found = 15 sought = not retrieved 1 + assessed 14 (8 excluded + 6 included)
 * new_reports 15 + 3 not linked = 12 + 6 = 18
 */
export function halfwayReview(): PrismaFacts {
  const finished = finishedReview('new_databases_registers_other')
  return {
    ...finished,
    titleAbstract: {
      excludedByHuman: 520,
      excludedByAutomation: 20,
      included: 39,
      unscreened: 312,
      awaitingSecondReviewer: 5,
      inConflict: 4,
    },
    databaseReports: {
      sought: 39,
      notRetrieved: 2,
      awaitingRetrieval: 7,
      excluded: [
        { reasonId: WRONG_PUBLICATION_TYPE, count: 5 },
        { reasonId: WRONG_STUDY_DESIGN, count: 10 },
      ],
      included: 12,
      awaitingDecision: 2,
      inConflict: 1,
    },
    included: { studies: 13, reports: 15, reportsNotLinked: 3 },
  }
}
