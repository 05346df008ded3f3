/**
 * The appraisal summary reviews publish: a study × item matrix of marks (Y / ? / N) and, per item, how
 * many studies got each answer.
 */
import { answerTo, type AppraisalAnswers } from './answers.ts'
import { ANSWER_MARKS, type AppraisalAnswer, type AppraisalTool } from './tools.ts'

export type AnswerCounts = Record<string, Partial<Record<AppraisalAnswer, number>>>

/** Per item code, the number of sheets with each answer; unanswered items are not counted. */
export function countAnswers(tool: AppraisalTool, sheets: readonly AppraisalAnswers[]): AnswerCounts {
  const counts: AnswerCounts = {}
  for (const item of tool.items) {
    const perAnswer: Partial<Record<AppraisalAnswer, number>> = {}
    for (const sheet of sheets) {
      const answer = answerTo(sheet, item.code)
      if (answer) perAnswer[answer] = (perAnswer[answer] ?? 0) + 1
    }
    counts[item.code] = perAnswer
  }
  return counts
}

/** The marks of one study's row, in item order; an unanswered item is blank. */
export function matrixRow(tool: AppraisalTool, answers: AppraisalAnswers): string[] {
  return tool.items.map((item) => {
    const answer = answerTo(answers, item.code)
    return answer ? ANSWER_MARKS[answer] : ''
  })
}

/** "Y 5 · ? 1 · N 0" for one item, in the tool's answer order. */
export function countsLine(tool: AppraisalTool, counts: Partial<Record<AppraisalAnswer, number>>): string {
  return tool.answers.map((answer) => `${ANSWER_MARKS[answer]} ${counts[answer] ?? 0}`).join(' · ')
}
