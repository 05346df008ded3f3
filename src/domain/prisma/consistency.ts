import { OTHER_METHOD_SOURCE_KINDS } from '../vocabulary.ts'
import type { ExcludedReports, PrismaBoxId, PrismaTally } from './boxes.ts'
import type { PrismaFacts, ReportFacts } from './facts.ts'
import { formatCount } from './format.ts'

/**
 * One equation of METHOD.md §6.3 checked on the computed counts. Open work (records not yet screened,
 * reports awaiting retrieval…) is the only thing allowed to stand between the two sides:
 * `actual + pending = expected` (or `actual ≤ expected` for the one inequality).
 */
export interface EquationCheck {
  id: string
  /** The equation in the R package's field names, as METHOD.md §6.3 writes it. */
  equation: string
  /** The box the equation computes. */
  actual: number
  /** What the other boxes say it should be. */
  expected: number
  /** Open work that explains the difference (0 when the stage is finished). */
  pending: number
  status: 'holds' | 'pending' | 'violated'
}

/** Work still open, in plain words, with the box it keeps from being final. */
export interface PendingWork {
  box: PrismaBoxId
  count: number
  text: string
}

export interface PrismaConsistency {
  /** complete: every equation holds and nothing is open; provisional: open work explains every gap;
   *  inconsistent: some counts disagree with each other (a bug or a template that cannot show the review). */
  status: 'complete' | 'provisional' | 'inconsistent'
  checks: EquationCheck[]
  pending: PendingWork[]
  /** Disagreements in plain words: violated equations and facts the template cannot show. */
  problems: string[]
  /** Facts the template has no box for (e.g. other-methods records already found via databases). */
  notes: string[]
}

export function checkPrismaEquations(counts: PrismaTally, facts: PrismaFacts): PrismaConsistency {
  const { boxes, layout } = counts
  const ta = facts.titleAbstract
  const checks: EquationCheck[] = []
  const problems: string[] = []
  const equal = (id: string, equation: string, actual: number, expected: number, pending: number, words: string) => {
    const holds = actual + pending === expected
    checks.push({ id, equation, actual, expected, pending, status: statusOf(holds, pending) })
    if (!holds) problems.push(mismatch(words, actual + pending, expected))
  }
  /** A column's reports: assessed = sought − not retrieved, included = assessed − excluded, Σ reasons = excluded. */
  const reportEquations = (
    column: 'dbr' | 'other',
    reports: ReportFacts,
    included: number,
    excluded: ExcludedReports,
    words: { assessed: string; from: string },
  ) => {
    const assessed = boxes[`${column}_assessed`]
    equal(
      `${column}_assessed`,
      `${column}_assessed = ${column}_sought_reports − ${column}_notretrieved_reports`,
      assessed,
      boxes[`${column}_sought_reports`] - boxes[`${column}_notretrieved_reports`],
      openReports(reports),
      `Reports assessed ${words.assessed} (with those awaiting retrieval or a full-text decision), against reports sought minus reports not retrieved`,
    )
    equal(
      `${column}_included_reports`,
      `${column}_included_reports = ${column}_assessed − Σ ${column}_excluded`,
      included,
      assessed - excluded.total,
      0,
      `Included reports ${words.from}, against reports assessed minus reports excluded`,
    )
    equal(
      `${column}_excluded_reasons`,
      `Σ ${column}_excluded reasons = ${column}_excluded`,
      sumOf(excluded.reasons),
      excluded.total,
      0,
      `Reasons for excluding reports ${words.from}, against the reports excluded`,
    )
  }

  const identifiedDbr = boxes.database_results + boxes.register_results
  equal(
    'identified_dbr',
    'identified_dbr = Σ database_results + Σ register_results',
    identifiedDbr,
    sumOf(counts.databases) + sumOf(counts.registers),
    0,
    'Records identified from databases and registers, against the sum per database and register',
  )
  equal(
    'records_screened',
    'records_screened = identified_dbr − duplicates − excluded_automatic − excluded_other',
    boxes.records_screened,
    identifiedDbr - boxes.duplicates - boxes.excluded_automatic - boxes.excluded_other,
    ta.unscreened + ta.awaitingSecondReviewer + ta.inConflict,
    'Records screened (with those still in title/abstract screening), against records identified from databases and registers minus records removed before screening',
  )
  equal(
    'dbr_sought_reports',
    'dbr_sought_reports = records_screened − records_excluded',
    boxes.dbr_sought_reports,
    boxes.records_screened - boxes.records_excluded,
    0,
    'Reports sought for retrieval, against records screened minus records excluded',
  )
  const dbr = facts.databaseReports
  reportEquations('dbr', dbr, counts.dbrIncludedReports, counts.dbrExcluded, {
    assessed: 'for eligibility',
    from: 'from databases and registers',
  })

  const otherFacts = facts.otherMethods
  // Counted from the sources themselves, so a template without the column still knows what it leaves out.
  const otherIdentifiedRaw = facts.sources
    .filter((source) => OTHER_METHOD_SOURCE_KINDS.includes(source.kind))
    .reduce((total, source) => total + source.identified, 0)
  if (layout.other) {
    const otherIdentified =
      boxes.website_results + boxes.organisation_results + boxes.citations_results + counts.otherResults
    equal(
      'other_identified',
      'other_identified = website_results + organisation_results + citations_results + other',
      otherIdentified,
      otherIdentifiedRaw,
      0,
      'Records identified via other methods, against the records of every other-methods source',
    )
    equal(
      'other_sought_reports',
      'other_sought_reports = other_identified − already found via databases and registers',
      boxes.other_sought_reports,
      otherIdentified - otherFacts.alreadyFound,
      0,
      'Reports sought via other methods, against records identified via other methods minus those already found',
    )
    reportEquations('other', otherFacts.reports, counts.otherIncludedReports, counts.otherExcluded, {
      assessed: 'via other methods',
      from: 'from other methods',
    })
  } else if (otherIdentifiedRaw > 0 || otherFacts.reports.sought > 0) {
    problems.push(
      `${records(otherIdentifiedRaw)} found via other methods (websites, organisations, citation searching, other) ` +
        'cannot be shown: the review’s PRISMA template has no other-methods column. Choose a template “with other sources”.',
    )
  }

  equal(
    'new_reports',
    'new_reports = dbr_included_reports + other_included_reports',
    boxes.new_reports,
    counts.dbrIncludedReports + counts.otherIncludedReports,
    facts.included.reportsNotLinked,
    'Reports of included studies (with included reports not yet linked to a study), against the reports included in each column',
  )
  const studiesFit = boxes.new_studies <= boxes.new_reports
  checks.push({
    id: 'new_studies',
    equation: 'new_studies ≤ new_reports',
    actual: boxes.new_studies,
    expected: boxes.new_reports,
    pending: 0,
    status: studiesFit ? 'holds' : 'violated',
  })
  if (!studiesFit) {
    problems.push(
      `Studies included (${formatCount(boxes.new_studies)}) outnumber their reports (${formatCount(boxes.new_reports)}): every study needs at least one included report.`,
    )
  }
  if (layout.previous) {
    equal(
      'total_studies',
      'total_studies = previous_studies + new_studies',
      boxes.total_studies,
      boxes.previous_studies + boxes.new_studies,
      0,
      'Total studies included, against previous plus new studies',
    )
    equal(
      'total_reports',
      'total_reports = previous_reports + new_reports',
      boxes.total_reports,
      boxes.previous_reports + boxes.new_reports,
      0,
      'Total reports included, against previous plus new reports',
    )
  }

  const notes: string[] = []
  if (counts.otherAlreadyFound > 0) {
    notes.push(
      `${records(counts.otherAlreadyFound)} identified via other methods ${counts.otherAlreadyFound === 1 ? 'was' : 'were'} already found ` +
        'and not sought again (the template has no box for this).',
    )
  }
  if (!layout.previous && (facts.previous.studies > 0 || facts.previous.reports > 0)) {
    notes.push('Studies of a previous version are recorded but not shown: the template is for a new review.')
  }

  const pending = pendingWork(facts, layout.other)
  const status = problems.length > 0 ? 'inconsistent' : pending.length > 0 ? 'provisional' : 'complete'
  return { status, checks, pending, problems, notes }
}

/** Plain-words statements of the work still open, in the order of the flow. */
function pendingWork(facts: PrismaFacts, otherColumn: boolean): PendingWork[] {
  const ta = facts.titleAbstract
  const work: PendingWork[] = []
  const add = (box: PrismaBoxId, count: number, text: string) => {
    if (count > 0) work.push({ box, count, text: `${formatCount(count)} ${text}` })
  }
  const pairs = facts.duplicatePairsWaiting ?? 0
  add('duplicates', pairs, `possible duplicate ${plural(pairs, 'pair', 'pairs')} waiting for a reviewer`)
  add('records_screened', ta.unscreened, plural(ta.unscreened, 'record', 'records') + ' not yet screened')
  add(
    'records_screened',
    ta.awaitingSecondReviewer,
    plural(ta.awaitingSecondReviewer, 'record', 'records') + ' awaiting a second reviewer',
  )
  add('records_screened', ta.inConflict, plural(ta.inConflict, 'conflict', 'conflicts') + ' open at title/abstract')
  const columns: [ReportFacts, 'dbr' | 'other', string][] = [[facts.databaseReports, 'dbr', '']]
  if (otherColumn) columns.push([facts.otherMethods.reports, 'other', ' (other methods)'])
  for (const [reports, column, suffix] of columns) {
    const reportsWord = (n: number) => plural(n, 'report', 'reports')
    add(
      `${column}_sought_reports`,
      reports.awaitingRetrieval,
      `${reportsWord(reports.awaitingRetrieval)} awaiting retrieval${suffix}`,
    )
    add(
      `${column}_assessed`,
      reports.awaitingDecision,
      `${reportsWord(reports.awaitingDecision)} awaiting a full-text decision${suffix}`,
    )
    add(
      `${column}_assessed`,
      reports.inConflict,
      `${plural(reports.inConflict, 'conflict', 'conflicts')} open at full text${suffix}`,
    )
    const noReason = reports.excluded.filter((e) => e.reasonId === null).reduce((n, e) => n + e.count, 0)
    add(`${column}_excluded`, noReason, `${reportsWord(noReason)} excluded without a reason recorded${suffix}`)
  }
  const notLinked = facts.included.reportsNotLinked
  add('new_reports', notLinked, `included ${plural(notLinked, 'report', 'reports')} not yet linked to a study`)
  return work
}

function openReports(reports: ReportFacts): number {
  return reports.awaitingRetrieval + reports.awaitingDecision + reports.inConflict
}

function statusOf(holds: boolean, pending: number): EquationCheck['status'] {
  if (!holds) return 'violated'
  return pending > 0 ? 'pending' : 'holds'
}

function mismatch(words: string, left: number, right: number): string {
  return `${words}: ${formatCount(left)} ≠ ${formatCount(right)}.`
}

function sumOf(items: readonly { n: number }[]): number {
  return items.reduce((total, item) => total + item.n, 0)
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}

function records(n: number): string {
  return `${formatCount(n)} ${plural(n, 'record', 'records')}`
}
