/** Validators for a review finding and its GRADE-CERQual assessment. */
import { z } from 'zod'
import type { CerqualAssessment } from '../domain/cerqual/assessment.ts'
import type { FindingInput } from '../domain/cerqual/finding.ts'
import { CERQUAL_COMPONENTS, CONCERN_LEVELS, CONFIDENCE_LEVELS } from '../domain/cerqual/vocabulary.ts'
import { MAX_TEXT_LENGTH } from '../domain/synthesis/vocabulary.ts'
import { optionalText, requiredText } from './fields.ts'
import { validate, type FormValues, type Validated } from './form.ts'

/** What the finding rests on, from one select: "loa" (the line of argument) or a third-order construct's id. */
const restsOnField = z
  .string({ error: 'Choose what the finding rests on.' })
  .regex(/^(loa|\d{1,15})$/, 'Choose what the finding rests on.')

const findingSchema = z.object({
  summary: requiredText('The finding', MAX_TEXT_LENGTH, 'Write the finding as a summary statement.'),
  restsOn: restsOnField,
})

function optionalChoice<const T extends readonly [string, ...string[]]>(choices: T, message: string) {
  return z
    .string()
    .optional()
    .transform((value) => value ?? '')
    .pipe(z.union([z.literal('').transform(() => null), z.enum(choices, { error: message })]))
}

const componentFields = Object.fromEntries(
  CERQUAL_COMPONENTS.flatMap((component) => [
    [`${component}Concern`, optionalChoice(CONCERN_LEVELS, 'Choose a level of concern.')],
    [`${component}Explanation`, optionalText('The explanation', MAX_TEXT_LENGTH)],
  ]),
)

const assessmentSchema = z.object({
  ...componentFields,
  confidence: optionalChoice(CONFIDENCE_LEVELS, 'Choose high, moderate, low or very low confidence.'),
  confidenceExplanation: optionalText('The explanation', MAX_TEXT_LENGTH),
})

export function findingFrom(values: FormValues): Validated<FindingInput> {
  const parsed = validate(findingSchema, values)
  if (!parsed.ok) return parsed
  const { summary, restsOn } = parsed.value
  return {
    ok: true,
    value:
      restsOn === 'loa'
        ? { summary, basis: 'line_of_argument', thirdOrderId: null }
        : { summary, basis: 'third_order', thirdOrderId: Number(restsOn) },
  }
}

export function assessmentFrom(values: FormValues): Validated<CerqualAssessment> {
  const parsed = validate(assessmentSchema, values)
  if (!parsed.ok) return parsed
  const fields = parsed.value as Record<string, string | null>
  const components = Object.fromEntries(
    CERQUAL_COMPONENTS.map((component) => [
      component,
      { concern: fields[`${component}Concern`] ?? null, explanation: fields[`${component}Explanation`] ?? '' },
    ]),
  ) as CerqualAssessment['components']
  return {
    ok: true,
    value: {
      components,
      confidence: (fields['confidence'] ?? null) as CerqualAssessment['confidence'],
      explanation: fields['confidenceExplanation'] ?? '',
    },
  }
}
