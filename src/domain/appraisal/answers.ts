/**
 * The rules of one appraisal sheet: what must be answered before it counts as finished, and how two
 * appraisers' sheets are compared. Pure functions over answers keyed by item code.
 */
import type { AppraisalAnswer, AppraisalItem, AppraisalTool } from './tools.ts'

export interface ItemAnswer {
  answer: AppraisalAnswer | null
  comment: string
}

/** Answers by item code; an item with no entry has not been answered. */
export type AppraisalAnswers = Record<string, ItemAnswer>

export interface AppraisalSheet {
  answers: AppraisalAnswers
  overallJudgement: string | null
  overallRationale: string
}

export function answerTo(answers: AppraisalAnswers, code: string): AppraisalAnswer | null {
  return answers[code]?.answer ?? null
}

/**
 * True when a screening question (CASP items 1–2) is answered No: the checklist says it is not worth
 * continuing, so the remaining items may stay unanswered.
 */
export function failsScreening(tool: AppraisalTool, answers: AppraisalAnswers): boolean {
  return tool.items.some((item) => item.screening && answerTo(answers, item.code) === 'no')
}

/** The items still to answer before the sheet can be finished (or a consensus recorded). */
export function itemsStillToAnswer(tool: AppraisalTool, answers: AppraisalAnswers): AppraisalItem[] {
  const required = failsScreening(tool, answers) ? tool.items.filter((item) => item.screening) : tool.items
  return required.filter((item) => answerTo(answers, item.code) === null)
}

/** The item codes where two appraisers chose different answers (comments are not compared). */
export function differingItems(tool: AppraisalTool, first: AppraisalAnswers, second: AppraisalAnswers): string[] {
  return tool.items
    .filter((item) => answerTo(first, item.code) !== answerTo(second, item.code))
    .map((item) => item.code)
}

export function judgementsDiffer(first: AppraisalSheet, second: AppraisalSheet): boolean {
  return (first.overallJudgement ?? '') !== (second.overallJudgement ?? '')
}

/**
 * Where a consensus starts from: the answers both appraisers gave, blanks where they differ (the team
 * has to settle those), and both comments where they wrote different ones.
 */
export function consensusStart(tool: AppraisalTool, first: AppraisalSheet, second: AppraisalSheet): AppraisalSheet {
  const answers: AppraisalAnswers = {}
  for (const item of tool.items) {
    const a = first.answers[item.code]
    const b = second.answers[item.code]
    const agreed = (a?.answer ?? null) === (b?.answer ?? null) ? (a?.answer ?? null) : null
    const comments = [...new Set([a?.comment ?? '', b?.comment ?? ''].map((text) => text.trim()).filter(Boolean))]
    answers[item.code] = { answer: agreed, comment: comments.join('\n') }
  }
  const sameJudgement = !judgementsDiffer(first, second)
  const rationales = [...new Set([first.overallRationale.trim(), second.overallRationale.trim()].filter(Boolean))]
  return {
    answers,
    overallJudgement: sameJudgement ? first.overallJudgement : null,
    overallRationale: rationales.join('\n'),
  }
}
