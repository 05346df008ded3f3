import { answerTo, type AppraisalSheet } from './answers.ts'
import { ANSWER_LABELS, type AppraisalTool } from './tools.ts'

/**
 * One line for a study's agreed appraisal, as the CERQual Evidence Profile cites it:
 * "CASP (consensus): 8 Yes, 1 Can’t tell, 1 No; overall: minor concerns".
 */
export function appraisalSummaryLine(tool: AppraisalTool, sheet: AppraisalSheet): string {
  const tally = new Map<string, number>()
  for (const item of tool.items) {
    const answer = answerTo(sheet.answers, item.code)
    if (answer) tally.set(answer, (tally.get(answer) ?? 0) + 1)
  }
  const counts = tool.answers
    .filter((answer) => tally.has(answer))
    .map((answer) => `${tally.get(answer)} ${ANSWER_LABELS[answer]}`)
  const overall = sheet.overallJudgement ? `; overall: ${sheet.overallJudgement}` : ''
  return `${tool.name.split(' ')[0]} (consensus): ${counts.length > 0 ? counts.join(', ') : 'no items answered'}${overall}`
}
