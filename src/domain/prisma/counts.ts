import type { SourceKind } from '../vocabulary.ts'
import type { ExcludedReports, PrismaBoxes, PrismaTally, ReasonCount, SourceCount } from './boxes.ts'
import { checkPrismaEquations, type PrismaConsistency } from './consistency.ts'
import type { PrismaFacts, PrismaReasonFact, PrismaSourceFact, ReportFacts } from './facts.ts'
import { prismaTemplateLayout } from './template.ts'

/** The diagram's counts and whether its equations hold yet (see `prismaCounts`). */
export interface PrismaCounts extends PrismaTally {
  consistency: PrismaConsistency
}

/**
 * The PRISMA 2020 flow-diagram counts of a review, derived from its stored facts (METHOD.md §6.3).
 *
 * Every box counts what has really happened: "Records screened" are records with a final title/abstract
 * verdict, "Reports assessed" are reports with a final full-text decision. While work is still open, the
 * equations hold only once that work is added back in; `consistency` then lists it in plain words
 * ("312 records not yet screened") and the diagram marks itself provisional, instead of showing numbers
 * that do not add up. Pure and O(sources + reasons): the cost lives in the store's GROUP BY queries.
 *
 * @example
 * const counts = prismaCounts(facts)
 * counts.boxes.records_screened   // 1,200
 * counts.consistency.pending      // [{ box: 'records_screened', text: '312 records not yet screened', … }]
 */
export function prismaCounts(facts: PrismaFacts): PrismaCounts {
  assertCounts(facts)
  const layout = prismaTemplateLayout(facts.template)
  const ta = facts.titleAbstract
  const dbr = facts.databaseReports
  // A template without the other-methods column draws none of it; consistency says what was left out.
  const other = layout.other ? facts.otherMethods.reports : undefined

  const databases = sourcesOfKind(facts.sources, 'database')
  const registers = sourcesOfKind(facts.sources, 'register')
  const otherSources = layout.other ? sourcesOfKind(facts.sources, 'other') : []
  const otherKindTotal = (kind: SourceKind) => (layout.other ? sum(sourcesOfKind(facts.sources, kind)) : 0)
  const previous = layout.previous ? facts.previous : { studies: 0, reports: 0 }

  const recordsExcluded = ta.excludedByHuman + ta.excludedByAutomation
  const dbrExcluded = excludedReports(dbr, facts.reasons)
  const otherExcluded = other ? excludedReports(other, facts.reasons) : { total: 0, reasons: [] }

  const boxes: PrismaBoxes = {
    previous_studies: previous.studies,
    previous_reports: previous.reports,
    database_results: sum(databases),
    register_results: sum(registers),
    website_results: otherKindTotal('website'),
    organisation_results: otherKindTotal('organisation'),
    citations_results: otherKindTotal('citation'),
    duplicates: facts.removedBeforeScreening.duplicates,
    excluded_automatic: facts.removedBeforeScreening.automation,
    excluded_other: facts.removedBeforeScreening.other,
    records_screened: recordsExcluded + ta.included,
    records_excluded: recordsExcluded,
    dbr_sought_reports: dbr.sought,
    dbr_notretrieved_reports: dbr.notRetrieved,
    other_sought_reports: other?.sought ?? 0,
    other_notretrieved_reports: other?.notRetrieved ?? 0,
    dbr_assessed: dbrExcluded.total + dbr.included,
    other_assessed: other ? otherExcluded.total + other.included : 0,
    new_studies: facts.included.studies,
    new_reports: facts.included.reports,
    total_studies: previous.studies + facts.included.studies,
    total_reports: previous.reports + facts.included.reports,
  }

  const counts: Omit<PrismaCounts, 'consistency'> = {
    template: facts.template,
    layout,
    boxes,
    dbrExcluded,
    otherExcluded,
    databases,
    registers,
    otherSources,
    otherResults: sum(otherSources),
    recordsExcludedByHuman: ta.excludedByHuman,
    recordsExcludedByAutomation: ta.excludedByAutomation,
    otherAlreadyFound: layout.other ? facts.otherMethods.alreadyFound : 0,
    dbrIncludedReports: dbr.included,
    otherIncludedReports: other?.included ?? 0,
  }
  return { ...counts, consistency: checkPrismaEquations(counts, facts) }
}

/** Sources of one kind, same-named searches added together, in the order they first appear. */
function sourcesOfKind(sources: readonly PrismaSourceFact[], kind: SourceKind): SourceCount[] {
  const byName = new Map<string, SourceCount>()
  for (const source of sources) {
    if (source.kind !== kind) continue
    const seen = byName.get(source.name)
    if (seen) seen.n += source.identified
    else byName.set(source.name, { name: source.name, n: source.identified })
  }
  return [...byName.values()]
}

export const NO_REASON_LABEL = 'No reason recorded'

/**
 * The reasons used in one column, in the review's order. A reason no longer in the review's list still
 * counts (after the known ones) so the list always sums to the total; consistency reports it.
 */
function excludedReports(reports: ReportFacts, reasons: readonly PrismaReasonFact[]): ExcludedReports {
  const countById = new Map<number | null, number>()
  for (const { reasonId, count } of reports.excluded) {
    countById.set(reasonId, (countById.get(reasonId) ?? 0) + count)
  }
  const list: ReasonCount[] = []
  for (const reason of [...reasons].sort((a, b) => a.position - b.position)) {
    const n = countById.get(reason.id) ?? 0
    countById.delete(reason.id)
    if (n > 0) list.push({ reasonId: reason.id, reason: reason.label, n })
  }
  for (const [reasonId, n] of countById) {
    if (n === 0) continue
    list.push({ reasonId, reason: reasonId === null ? NO_REASON_LABEL : unknownReasonLabel(reasonId), n })
  }
  return { total: list.reduce((total, reason) => total + reason.n, 0), reasons: list }
}

export function unknownReasonLabel(reasonId: number): string {
  return `Reason #${reasonId} (no longer in the review's list)`
}

function sum(counts: readonly SourceCount[]): number {
  return counts.reduce((total, count) => total + count.n, 0)
}

/** The store hands over counts; anything else is a bug there, said where rather than drawn. */
function assertCounts(facts: PrismaFacts): void {
  const check = (where: string, value: number) => {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`PRISMA facts: ${where} must be a whole number ≥ 0, got ${value}`)
    }
  }
  const walk = (where: string, value: unknown): void => {
    if (typeof value === 'number') check(where, value)
    else if (Array.isArray(value)) value.forEach((item, index) => walk(`${where}[${index}]`, item))
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // Ids and positions are identifiers, not counts.
        if (key !== 'reasonId' && key !== 'id' && key !== 'position') walk(`${where}.${key}`, inner)
      }
    }
  }
  walk('facts', facts)
}
