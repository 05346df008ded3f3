/**
 * Appraisal forms: the review's tool and judgement levels, one appraisal sheet (an answer and a comment
 * per item of the tool, an optional overall judgement), and the reason for excluding a study.
 */
import { z } from 'zod'
import type { AppraisalAnswers, AppraisalSheet } from '../domain/appraisal/answers.ts'
import { ANSWER_LABELS, APPRAISAL_TOOLS, type AppraisalAnswer, type AppraisalTool } from '../domain/appraisal/tools.ts'
import { choiceField, optionalText, requiredText } from './fields.ts'
import { validate, type FormValues, type Validated } from './form.ts'

const MAX_APPRAISAL_COMMENT_LENGTH = 4000
const MAX_JUDGEMENT_LEVELS = 8
const MAX_JUDGEMENT_LEVEL_LENGTH = 60

/** One entry per line, trimmed, blank lines and repeats dropped. */
export function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ]
}

export const appraisalChoicesInput = z.object({
  tool: choiceField(APPRAISAL_TOOLS, 'Choose the appraisal tool.'),
  judgementLevels: optionalText('Judgement levels', 2000)
    .transform(lines)
    .pipe(
      z
        .array(
          z
            .string()
            .max(
              MAX_JUDGEMENT_LEVEL_LENGTH,
              `Each judgement level has at most ${MAX_JUDGEMENT_LEVEL_LENGTH} characters.`,
            ),
        )
        .max(MAX_JUDGEMENT_LEVELS, `Give at most ${MAX_JUDGEMENT_LEVELS} judgement levels, one per line.`),
    ),
})

export const exclusionInput = z.object({
  reason: requiredText('The reason', 1000, 'Say why the study is excluded after appraisal; the reason is reported.'),
})

export interface SheetInput {
  sheet: AppraisalSheet
  /** The appraiser pressed “Finish”, not “Save draft”. */
  finish: boolean
}

/**
 * The sheet form of `tool`: `answer-q1`…, `comment-q1`…, `overallJudgement` (one of the team's levels, or
 * blank) and `overallRationale`. A missing answer is allowed here; whether the sheet may be finished is
 * the store's (and the domain's) call.
 */
export function validateSheet(
  tool: AppraisalTool,
  judgementLevels: readonly string[],
  values: FormValues,
): Validated<SheetInput> {
  const offered = tool.answers.map((answer) => ANSWER_LABELS[answer]).join(', ')
  const shape: Record<string, z.ZodType> = {
    overallJudgement: z
      .string()
      .optional()
      .transform((value) => (value ?? '').trim())
      .refine((value) => value === '' || judgementLevels.includes(value), {
        message: `Choose an overall judgement from the list (${judgementLevels.join(', ') || 'none defined'}), or leave it blank.`,
      }),
    overallRationale: optionalText('The rationale', MAX_APPRAISAL_COMMENT_LENGTH),
    action: z.enum(['save', 'finish']).optional(),
  }
  for (const item of tool.items) {
    const number = item.code.slice(1)
    shape[`answer-${item.code}`] = z
      .string()
      .optional()
      .transform((value) => value ?? '')
      .refine((value) => value === '' || (tool.answers as readonly string[]).includes(value), {
        message: `Question ${number}: answer ${offered}.`,
      })
    shape[`comment-${item.code}`] = optionalText(`The comment on question ${number}`, MAX_APPRAISAL_COMMENT_LENGTH)
  }
  const checked = validate(z.object(shape), values)
  if (!checked.ok) return checked
  const value = checked.value as Record<string, string>
  const answers: AppraisalAnswers = {}
  for (const item of tool.items) {
    const answer = value[`answer-${item.code}`] ?? ''
    answers[item.code] = {
      answer: answer === '' ? null : (answer as AppraisalAnswer),
      comment: value[`comment-${item.code}`] ?? '',
    }
  }
  return {
    ok: true,
    value: {
      sheet: {
        answers,
        overallJudgement: value['overallJudgement'] || null,
        overallRationale: value['overallRationale'] ?? '',
      },
      finish: value['action'] === 'finish',
    },
  }
}
