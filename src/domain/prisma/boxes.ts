/**
 * What the PRISMA 2020 diagram counts, box by box: the shapes `prismaCounts` fills and the consistency
 * check reads (kept apart from both so neither imports the other).
 */
import type { PrismaFacts } from './facts.ts'
import type { PrismaTemplateLayout } from './template.ts'

/**
 * Every number box of the PRISMA 2020 diagram, keyed by the PRISMA2020 R package / Shiny app field names
 * (Haddaway et al. 2022). The two reason lists (`dbr_excluded`, `other_excluded`) live in
 * `PrismaCounts.dbrExcluded` / `otherExcluded` because they are lists, not numbers.
 */
export interface PrismaBoxes {
  previous_studies: number
  previous_reports: number
  database_results: number
  register_results: number
  website_results: number
  organisation_results: number
  citations_results: number
  duplicates: number
  excluded_automatic: number
  excluded_other: number
  records_screened: number
  records_excluded: number
  dbr_sought_reports: number
  dbr_notretrieved_reports: number
  other_sought_reports: number
  other_notretrieved_reports: number
  dbr_assessed: number
  other_assessed: number
  new_studies: number
  new_reports: number
  total_studies: number
  total_reports: number
}

/** A box of the diagram: a number box, or one of the two "Reports excluded" reason lists. */
export type PrismaBoxId = keyof PrismaBoxes | 'dbr_excluded' | 'other_excluded'

export interface SourceCount {
  name: string
  n: number
}

export interface ReasonCount {
  /** Null for reports excluded with no reason recorded. */
  reasonId: number | null
  reason: string
  n: number
}

/** A "Reports excluded:" box: reasons used in this column, in the review's order, summing to `total`. */
export interface ExcludedReports {
  total: number
  reasons: ReasonCount[]
}

/** The diagram's counts before the equations are checked (see `PrismaCounts`). */
export interface PrismaTally {
  template: PrismaFacts['template']
  layout: PrismaTemplateLayout
  boxes: PrismaBoxes
  dbrExcluded: ExcludedReports
  otherExcluded: ExcludedReports
  /** Per database / per register, in the order the sources came (footnote * of the template). */
  databases: SourceCount[]
  registers: SourceCount[]
  /** Other-methods sources of kind "other" (e.g. Google Scholar alerts): the template's "etc." line, by name. */
  otherSources: SourceCount[]
  /** Records from sources of kind "other"; the R package has no field for them. */
  otherResults: number
  /** records_excluded split by who excluded (footnote ** of the template). */
  recordsExcludedByHuman: number
  recordsExcludedByAutomation: number
  /** Other-methods records not sought because already found: a note, the template has no box for it. */
  otherAlreadyFound: number
  /** Included reports per column (not drawn; they feed new_reports). */
  dbrIncludedReports: number
  otherIncludedReports: number
}
