import type { PrismaTemplate } from '../vocabulary.ts'
import type { PrismaConsistency } from './consistency.ts'
import type { PrismaBoxes, SourceCount } from './boxes.ts'
import type { PrismaCounts } from './counts.ts'

/**
 * `weft prisma --format json`: the PRISMA2020 R package / Shiny app field names as keys (the numbers a
 * reviewer would otherwise type into the app), the per-source breakdowns and reason lists as lists, then
 * what Weft adds: the template, the split of records_excluded, and the consistency result. (The order of
 * the keys in the output is the order `prismaJson` writes them in.)
 */
export interface PrismaJson extends PrismaBoxes {
  /** Per database, as PRISMA_data() makes the list: a data frame with the columns reason and n. */
  database_specific_results: NamedCount[]
  register_specific_results: NamedCount[]
  /** Reasons in the review's order, summing to dbr_excluded_total. */
  dbr_excluded: NamedCount[]
  other_excluded: NamedCount[]
  /** Weft draws no meta-analysis: 0, as the package's template has it. */
  total_studies_ma: number
  total_reports_ma: number
  // Weft's additions (not R package fields):
  template: PrismaTemplate
  dbr_excluded_total: number
  other_excluded_total: number
  /** Records from other-methods sources of kind "other" (the template's "etc."), total and per source. */
  other_results: number
  other_specific_results: SourceCount[]
  records_excluded_human: number
  records_excluded_automation: number
  other_already_found: number
  status: PrismaConsistency['status']
  pending: string[]
  problems: string[]
  notes: string[]
}

/** One row of the package's list data frames (per database, per register, per reason). */
export interface NamedCount {
  reason: string
  n: number
}

export function prismaJson(counts: PrismaCounts): PrismaJson {
  const { boxes, consistency } = counts
  const reasons = (list: PrismaCounts['dbrExcluded']) => list.reasons.map(({ reason, n }) => ({ reason, n }))
  return {
    previous_studies: boxes.previous_studies,
    previous_reports: boxes.previous_reports,
    database_results: boxes.database_results,
    database_specific_results: named(counts.databases),
    register_results: boxes.register_results,
    register_specific_results: named(counts.registers),
    website_results: boxes.website_results,
    organisation_results: boxes.organisation_results,
    citations_results: boxes.citations_results,
    duplicates: boxes.duplicates,
    excluded_automatic: boxes.excluded_automatic,
    excluded_other: boxes.excluded_other,
    records_screened: boxes.records_screened,
    records_excluded: boxes.records_excluded,
    dbr_sought_reports: boxes.dbr_sought_reports,
    dbr_notretrieved_reports: boxes.dbr_notretrieved_reports,
    other_sought_reports: boxes.other_sought_reports,
    other_notretrieved_reports: boxes.other_notretrieved_reports,
    dbr_assessed: boxes.dbr_assessed,
    dbr_excluded: reasons(counts.dbrExcluded),
    other_assessed: boxes.other_assessed,
    other_excluded: reasons(counts.otherExcluded),
    new_studies: boxes.new_studies,
    new_reports: boxes.new_reports,
    total_studies: boxes.total_studies,
    total_reports: boxes.total_reports,
    total_studies_ma: 0,
    total_reports_ma: 0,
    template: counts.template,
    dbr_excluded_total: counts.dbrExcluded.total,
    other_excluded_total: counts.otherExcluded.total,
    other_results: counts.otherResults,
    other_specific_results: counts.otherSources,
    records_excluded_human: counts.recordsExcludedByHuman,
    records_excluded_automation: counts.recordsExcludedByAutomation,
    other_already_found: counts.otherAlreadyFound,
    status: consistency.status,
    pending: consistency.pending.map((work) => work.text),
    problems: consistency.problems,
    notes: consistency.notes,
  }
}

function named(sources: readonly SourceCount[]): NamedCount[] {
  return sources.map(({ name, n }) => ({ reason: name, n }))
}
