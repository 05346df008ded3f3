/** The studies page's forms: a study's new name, and which study to merge one into. */
import { z } from 'zod'
import { MAX_STUDY_LABEL_LENGTH } from '../domain/study-label.ts'
import { requiredText } from './fields.ts'

export const renameStudyInput = z.object({
  label: requiredText('A study’s name', MAX_STUDY_LABEL_LENGTH, 'Name the study, e.g. “Moffatt 2017”.'),
})

export const mergeStudyInput = z.object({
  into: z
    .string({ error: 'Choose the study to merge this one into.' })
    .regex(/^\d{1,15}$/, 'Choose the study to merge this one into.')
    .transform(Number),
})
