import type { PrismaBoxId, SourceCount } from '../../src/domain/prisma/boxes.ts'
import type { PrismaCounts } from '../../src/domain/prisma/counts.ts'
import { formatCount } from '../../src/domain/prisma/format.ts'

/**
 * What each box of the PRISMA 2020 diagram says, in the official templates' exact words (METHOD.md §6.2),
 * with our numbers, the per-database breakdown (footnote *), the human/automation split (footnote **) and,
 * while the review is open, the work still to do in the box it concerns.
 */
export type LineStyle = 'text' | 'item' | 'subitem' | 'pending'

export interface BoxLine {
  text: string
  style: LineStyle
}

export interface BoxContent {
  id: PrismaBoxId
  lines: BoxLine[]
  /** Flow boxes are centred like the official template; list boxes read from the left. */
  align: 'middle' | 'start'
}

const text = (value: string): BoxLine => ({ text: value, style: 'text' })
const item = (value: string): BoxLine => ({ text: value, style: 'item' })
const n = (value: number) => `(n = ${formatCount(value)})`

export function boxContents(counts: PrismaCounts): Map<PrismaBoxId, BoxContent> {
  const { boxes, layout } = counts
  const words = layout.wording
  const contents: BoxContent[] = [
    list('database_results', [
      text('Records identified from*:'),
      item(`Databases ${n(boxes.database_results)}`),
      ...breakdown(counts.databases),
      item(`Registers ${n(boxes.register_results)}`),
      ...breakdown(counts.registers),
    ]),
    list('duplicates', [
      text('Records removed before screening:'),
      item(`Duplicate records removed ${n(boxes.duplicates)}`),
      item(`Records marked as ineligible by automation tools ${n(boxes.excluded_automatic)}`),
      item(`Records removed for other reasons ${n(boxes.excluded_other)}`),
    ]),
    flow('records_screened', 'Records screened', boxes.records_screened),
    flow('records_excluded', 'Records excluded**', boxes.records_excluded, automationSplit(counts)),
    flow('dbr_sought_reports', 'Reports sought for retrieval', boxes.dbr_sought_reports),
    flow('dbr_notretrieved_reports', 'Reports not retrieved', boxes.dbr_notretrieved_reports),
    flow('dbr_assessed', 'Reports assessed for eligibility', boxes.dbr_assessed),
    list('dbr_excluded', excludedLines(counts.dbrExcluded)),
    {
      id: 'new_studies',
      align: 'middle',
      lines: [
        text(`${words.includedStudies} ${n(boxes.new_studies)}`),
        text(`${words.includedReports} ${n(boxes.new_reports)}`),
      ],
    },
  ]
  if (layout.previous) {
    contents.push(
      {
        id: 'previous_studies',
        align: 'middle',
        lines: [
          text(`${words.previousStudies} ${n(boxes.previous_studies)}`),
          text(`${words.previousReports} ${n(boxes.previous_reports)}`),
        ],
      },
      {
        id: 'total_studies',
        align: 'middle',
        lines: [
          text(`${words.totalStudies} ${n(boxes.total_studies)}`),
          text(`${words.totalReports} ${n(boxes.total_reports)}`),
        ],
      },
    )
  }
  if (layout.other) {
    contents.push(
      list('website_results', [
        text('Records identified from:'),
        item(`Websites ${n(boxes.website_results)}`),
        item(`Organisations ${n(boxes.organisation_results)}`),
        item(`Citation searching ${n(boxes.citations_results)}`),
        // The template's "etc.": each search of kind "other" by its own name.
        ...counts.otherSources.map((source) => item(`${source.name} ${n(source.n)}`)),
      ]),
      flow('other_sought_reports', 'Reports sought for retrieval', boxes.other_sought_reports),
      flow('other_notretrieved_reports', 'Reports not retrieved', boxes.other_notretrieved_reports),
      flow('other_assessed', 'Reports assessed for eligibility', boxes.other_assessed),
      list('other_excluded', excludedLines(counts.otherExcluded)),
    )
  }
  for (const work of counts.consistency.pending) {
    const box = contents.find((content) => content.id === boxOfPending(work.box))
    box?.lines.push({ text: work.text, style: 'pending' })
  }
  return new Map(contents.map((content) => [content.id, content]))
}

/** The included box carries both numbers, so work on new_reports shows there. */
function boxOfPending(box: PrismaBoxId): PrismaBoxId {
  return box === 'new_reports' ? 'new_studies' : box
}

function flow(id: PrismaBoxId, label: string, value: number, extra: BoxLine[] = []): BoxContent {
  return { id, align: 'middle', lines: [text(label), text(n(value)), ...extra] }
}

function list(id: PrismaBoxId, lines: BoxLine[]): BoxContent {
  return { id, align: 'start', lines }
}

function breakdown(sources: readonly SourceCount[]): BoxLine[] {
  return sources.map((source) => ({ text: `${source.name} ${n(source.n)}`, style: 'subitem' }))
}

function automationSplit(counts: PrismaCounts): BoxLine[] {
  if (counts.recordsExcludedByAutomation === 0) return []
  return [
    text(`by a human ${n(counts.recordsExcludedByHuman)}`),
    text(`by automation tools ${n(counts.recordsExcludedByAutomation)}`),
  ]
}

function excludedLines(excluded: PrismaCounts['dbrExcluded']): BoxLine[] {
  if (excluded.reasons.length === 0) return [text(`Reports excluded ${n(0)}`)]
  return [text('Reports excluded:'), ...excluded.reasons.map((reason) => item(`${reason.reason} ${n(reason.n)}`))]
}
