/**
 * The synthesis report (Noblit & Hare phase 7, "expressing the synthesis"): one document with the line of
 * argument, the third-order constructs with their contributing studies and illustrative quotes, the SoQF
 * table and the eMERGe checklist. The same model renders as the HTML page and as Markdown.
 */
import { markdownText, tableMarkdown, type SimpleTable } from '../synthesis/simple-table.ts'
import { EMERGE_ITEMS } from './checklist-items.ts'
import { EVIDENCE_PAGES, type EvidenceKey } from './evidence.ts'

export interface ReportThirdOrder {
  id: number
  label: string
  definition: string
  studies: string[]
  quotes: { text: string; study: string; page: string }[]
}

export interface ReportModel {
  reviewTitle: string
  question: string
  statement: string
  levels: { label: string; constructs: string[] }[]
  relations: { from: string; to: string; label: string }[]
  thirdOrders: ReportThirdOrder[]
  soqf: SimpleTable
  emerge: { number: number; heading: string; location: string; notes: string }[]
}

/** Report sections that other stages provide, named with where they are. */
export const REPORT_ELSEWHERE: readonly EvidenceKey[] = ['prisma', 'characteristics', 'appraisal']

export function elsewhereText(key: EvidenceKey, reviewPath: string): string {
  const page = EVIDENCE_PAGES[key]
  return `${page.label}: ${reviewPath}${page.path}`
}

export const ILLUSTRATIVE_QUOTES_IN_REPORT = 3

export function emergeRows(responses: ReadonlyMap<number, { location: string; notes: string }>): ReportModel['emerge'] {
  return EMERGE_ITEMS.map((item) => ({
    number: item.number,
    heading: item.heading,
    location: responses.get(item.number)?.location ?? '',
    notes: responses.get(item.number)?.notes ?? '',
  }))
}

/**
 * The report as Markdown. `figure` is the line-of-argument figure as a data URI (PNG), written into the file
 * so the report needs no server to show it.
 */
export function reportMarkdown(model: ReportModel, reviewPath: string, figure: string | null = null): string {
  const out: string[] = []
  const text = markdownText
  out.push(`# Synthesis report: ${text(model.reviewTitle)}`, '')
  if (model.question) out.push(`**Review question:** ${text(model.question)}`, '')
  out.push('## Line of argument', '', model.statement ? text(model.statement) : '_No statement yet._', '')
  if (model.levels.length > 0) {
    out.push('### Model', '')
    for (const level of model.levels)
      out.push(`- **${text(level.label)}**: ${level.constructs.map(text).join('; ') || '(empty)'}`)
    for (const relation of model.relations) {
      out.push(`- ${text(relation.from)} → ${text(relation.to)}${relation.label ? ` (${text(relation.label)})` : ''}`)
    }
    out.push('')
    if (figure !== null) out.push(`![Line-of-argument model](${figure})`, '')
  }
  out.push('## Third-order constructs', '')
  if (model.thirdOrders.length === 0) out.push('_None yet._', '')
  for (const thirdOrder of model.thirdOrders) {
    out.push(`### ${text(thirdOrder.label)}`, '')
    if (thirdOrder.definition) out.push(text(thirdOrder.definition), '')
    out.push(
      `**Contributing studies (${thirdOrder.studies.length}):** ${thirdOrder.studies.map(text).join('; ') || 'none linked yet'}`,
      '',
    )
    for (const quote of thirdOrder.quotes) {
      out.push(`> “${text(quote.text)}” (${text(quote.study)}${quote.page ? `, p. ${text(quote.page)}` : ''})`, '')
    }
  }
  out.push('## Summary of Qualitative Findings (GRADE-CERQual)', '', tableMarkdown(model.soqf))
  out.push('## Search, selection, characteristics and appraisal', '')
  for (const key of REPORT_ELSEWHERE) out.push(`- ${elsewhereText(key, reviewPath)}`)
  out.push('', '## eMERGe reporting checklist', '')
  out.push(
    tableMarkdown({
      title: 'eMERGe',
      columns: ['#', 'Item', 'Location in manuscript', 'Notes'],
      rows: model.emerge.map((row) => [String(row.number), row.heading, row.location, row.notes]),
    }),
  )
  return out.join('\n')
}
