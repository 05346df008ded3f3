import { csvCell } from '../formats/write-csv.ts'
import type { PrismaCounts } from './counts.ts'
import type { PrismaWording } from './template.ts'

/**
 * `weft prisma --format csv`: the PRISMA2020 R package / Shiny app template (`inst/extdata/PRISMA.csv`,
 * read by `PRISMA_data()`), row for row and column for column, with our numbers in `n`. A reviewer uploads
 * it in the Shiny app ("Upload csv") or runs `PRISMA_flowdiagram(PRISMA_data(read.csv(file)))`.
 *
 * Only the wording of the title and "included" boxes follows the review's template (a new review drops
 * "new"); everything else is the app's own text. UTF-8 without a BOM: R's read.csv would otherwise glue
 * the BOM to the first column name. Every row of the template is written, because `PRISMA_data()` (v1.1.4)
 * stops at the first row it cannot find; cells are guarded against spreadsheet formulas like every CSV.
 *
 * The package has three rows for other methods (websites, organisations, citation searching). Records from
 * sources of kind "other" (the PRISMA 2020 template's "etc.") join the websites row, which then says so
 * ("Websites and other sources"), so every record identified is drawn above the reports sought from it.
 */
export function prismaCsv(counts: PrismaCounts): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const row of templateRows(counts.layout.wording, counts.otherSources.length > 0)) {
    const n = row.n(counts)
    lines.push([...row.cells, typeof n === 'number' ? String(n) : n].map(csvCell).join(','))
  }
  return lines.join('\n') + '\n'
}

export const CSV_COLUMNS = ['data', 'node', 'box', 'description', 'boxtext', 'tooltips', 'url', 'n'] as const

interface TemplateRow {
  /** data, node, box, description, boxtext, tooltips, url — as in the app's template. */
  cells: [string, string, string, string, string, string, string]
  n: (counts: PrismaCounts) => number | string
}

const REASONS_HELP = 'separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx'

function templateRows(wording: PrismaWording, withOtherSources: boolean): TemplateRow[] {
  const box = (key: keyof PrismaCounts['boxes']) => (counts: PrismaCounts) => counts.boxes[key]
  const zero = () => 0
  const numberRow = (
    data: keyof PrismaCounts['boxes'],
    node: string,
    boxId: string,
    description: string,
    boxtext: string,
    tooltips: string,
    url: string,
  ): TemplateRow => ({ cells: [data, node, boxId, description, boxtext, tooltips, url], n: box(data) })
  // A column's title box: no number, and its tooltip repeats its description.
  const titleRow = (node: string, boxId: string, description: string, boxtext: string, url: string): TemplateRow => ({
    cells: ['NA', node, boxId, description, boxtext, description, url],
    n: zero,
  })
  return [
    titleRow('node4', 'prevstud', 'Grey title box; Previous studies', wording.previousHeader, 'prevstud.html'),
    numberRow(
      'previous_studies',
      'node5',
      'box1',
      'Studies included in previous version of review',
      wording.previousStudies,
      'Studies included in previous version of review',
      'previous_studies.html',
    ),
    numberRow(
      'previous_reports',
      'NA',
      'box1',
      'Reports of studies included in previous version of review',
      wording.previousReports,
      'NA',
      'previous_reports.html',
    ),
    titleRow(
      'node6',
      'newstud',
      `Yellow title box; ${wording.databasesHeader}`,
      wording.databasesHeader,
      'newstud.html',
    ),
    numberRow(
      'database_results',
      'node7',
      'box2',
      'Records identified from: Databases',
      'Databases',
      'Records identified from: Databases and Registers',
      'database_results.html',
    ),
    {
      cells: [
        'database_specific_results',
        'NA',
        'box2',
        'Records identified from: specific databases',
        'Specific Databases',
        'NA',
        'database_results.html',
      ],
      n: (c) => sourceList(c.databases, 'Database'),
    },
    numberRow('register_results', 'NA', 'box2', 'Records identified from: Registers', 'Registers', 'NA', 'NA'),
    {
      cells: [
        'register_specific_results',
        'NA',
        'box2',
        'Records identified from: specific registers',
        'Specific Registers',
        'NA',
        'database_results.html',
      ],
      n: (c) => sourceList(c.registers, 'Register'),
    },
    titleRow('node16', 'othstud', `Grey title box; ${wording.otherHeader}`, wording.otherHeader, 'othstud.html'),
    {
      cells: [
        'website_results',
        'node17',
        'box11',
        'Records identified from: Websites',
        withOtherSources ? 'Websites and other sources' : 'Websites',
        'Records identified from: Websites, Organisations and Citation Searching',
        'website_results.html',
      ],
      n: (c) => c.boxes.website_results + c.otherResults,
    },
    numberRow(
      'organisation_results',
      '',
      'box11',
      'Records identified from: Organisations',
      'Organisations',
      'NA',
      'NA',
    ),
    numberRow(
      'citations_results',
      'NA',
      'box11',
      'Records identified from: Citation searching',
      'Citation searching',
      'NA',
      'NA',
    ),
    numberRow(
      'duplicates',
      'node8',
      'box3',
      'Duplicate records',
      'Duplicate records',
      'Duplicate records',
      'duplicates.html',
    ),
    numberRow(
      'excluded_automatic',
      'NA',
      'box3',
      'Records marked as ineligible by automation tools',
      'Records marked as ineligible by automation tools',
      'NA',
      'NA',
    ),
    numberRow(
      'excluded_other',
      'NA',
      'box3',
      'Records removed for other reasons',
      'Records removed for other reasons',
      'NA',
      'NA',
    ),
    numberRow(
      'records_screened',
      'node9',
      'box4',
      'Records screened (databases and registers)',
      'Records screened',
      'Records screened (databases and registers)',
      'records_screened.html',
    ),
    numberRow(
      'records_excluded',
      'node10',
      'box5',
      'Records excluded (databases and registers)',
      'Records excluded',
      'Records excluded (databases and registers)',
      'records_excluded.html',
    ),
    numberRow(
      'dbr_sought_reports',
      'node11',
      'box6',
      'Reports sought for retrieval (databases and registers)',
      'Reports sought for retrieval',
      'Reports sought for retrieval (databases and registers)',
      'dbr_sought_reports.html',
    ),
    numberRow(
      'dbr_notretrieved_reports',
      'node12',
      'box7',
      'Reports not retrieved (databases and registers)',
      'Reports not retrieved',
      'Reports not retrieved (databases and registers)',
      'dbr_notretrieved_reports.html',
    ),
    numberRow(
      'other_sought_reports',
      'node18',
      'box12',
      'Reports sought for retrieval (other)',
      'Reports sought for retrieval',
      'Reports sought for retrieval (other)',
      'other_sought_reports.html',
    ),
    numberRow(
      'other_notretrieved_reports',
      'node19',
      'box13',
      'Reports not retrieved (other)',
      'Reports not retrieved',
      'Reports not retrieved (other)',
      'other_notretrieved_reports.html',
    ),
    numberRow(
      'dbr_assessed',
      'node13',
      'box8',
      'Reports assessed for eligibility (databases and registers)',
      'Reports assessed for eligibility',
      'Reports assessed for eligibility (databases and registers)',
      'dbr_assessed.html',
    ),
    {
      cells: [
        'dbr_excluded',
        'node14',
        'box9',
        `Reports excluded (databases and registers): [${REASONS_HELP}]`,
        'Reports excluded',
        'Reports excluded (databases and registers)',
        'dbrexcludedrecords.html',
      ],
      n: (c) => reasonList(c.dbrExcluded),
    },
    numberRow(
      'other_assessed',
      'node20',
      'box14',
      'Reports assessed for eligibility (other)',
      'Reports assessed for eligibility',
      'Reports assessed for eligibility (other)',
      'other_assessed.html',
    ),
    {
      cells: [
        'other_excluded',
        'node21',
        'box15',
        `Reports excluded (other): [${REASONS_HELP}]`,
        'Reports excluded',
        'Reports excluded (other)',
        'other_excluded.html',
      ],
      n: (c) => reasonList(c.otherExcluded),
    },
    numberRow(
      'new_studies',
      'node15',
      'box10',
      wording.includedStudies,
      wording.includedStudies,
      wording.includedStudies,
      'new_studies.html',
    ),
    numberRow('new_reports', 'NA', 'box10', wording.includedReports, wording.includedReports, 'NA', 'NA'),
    numberRow(
      'total_studies',
      'node22',
      'box16',
      wording.totalStudies,
      wording.totalStudies,
      wording.totalStudies,
      'total_studies.html',
    ),
    numberRow('total_reports', 'NA', 'box16', wording.totalReports, wording.totalReports, 'NA', 'NA'),
    {
      cells: [
        'identification',
        'node1',
        'identification',
        'Blue identification box',
        'Identification',
        'Blue identification box',
        'identification.html',
      ],
      n: zero,
    },
    {
      cells: [
        'screening',
        'node2',
        'screening',
        'Blue screening box',
        'Screening',
        'Blue screening box',
        'screening.html',
      ],
      n: zero,
    },
    {
      cells: ['included', 'node3', 'included', 'Blue included box', 'Included', 'Blue included box', 'included.html'],
      n: zero,
    },
    // Weft draws no meta-analysis (a qualitative synthesis pools no numbers): 0, as the template has it.
    {
      cells: [
        'total_studies_ma',
        'node23',
        'box17',
        'Total studies included in meta-analysis',
        'Total studies included in meta-analysis',
        'Total studies included in meta-analysis',
        'total_studies_meta_analysis.html',
      ],
      n: zero,
    },
    {
      cells: [
        'total_reports_ma',
        'NA',
        'box17',
        'Reports of total included studies in meta-analysis',
        'Reports of total included studies in meta-analysis',
        'NA',
        'NA',
      ],
      n: zero,
    },
  ]
}

/**
 * Databases or registers as "Name, n; Name, n"; none at all keeps the template's placeholder
 * ("Register 1, xxx; …"), which the package reads as "not given" (drawn only with detail_registers = TRUE).
 */
function sourceList(sources: PrismaCounts['databases'], word: string): string {
  if (sources.length === 0) return [1, 2, 3].map((i) => `${word} ${i}, xxx`).join('; ')
  return nameCountList(sources.map(({ name, n }) => [name, n]))
}

/** "Reason, n; Reason, n" — the R package's PRISMA_parse_reasons_ format. "0" when the list is empty. */
function reasonList(excluded: PrismaCounts['dbrExcluded']): string {
  return nameCountList(excluded.reasons.map(({ reason, n }) => [reason, n]))
}

function nameCountList(items: [string, number][]): string {
  if (items.length === 0) return '0'
  return items.map(([name, n]) => `${listLabel(name)}, ${n}`).join('; ')
}

/**
 * The app splits the list on ";" and takes the label up to the first ",": both would cut a label such as
 * "Wrong publication type (review, editorial, commentary)" short, so they become " / " here.
 */
export function listLabel(label: string): string {
  return label
    .replace(/\s*[,;]\s*/g, ' / ')
    .replace(/\s+/g, ' ')
    .trim()
}
