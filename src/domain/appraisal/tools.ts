/**
 * The built-in appraisal tools (METHOD.md §4): the CASP Qualitative Studies Checklist and the JBI
 * checklist for qualitative research. Item wording is a short paraphrase that names the question; the
 * official forms (with their hints) stay the reference the appraisers read.
 */

export const APPRAISAL_TOOLS = ['casp_qualitative', 'jbi_qualitative'] as const
export type AppraisalToolId = (typeof APPRAISAL_TOOLS)[number]

/** Every answer any tool offers; a tool uses a subset, in its own order. */
export const APPRAISAL_ANSWERS = ['yes', 'cant_tell', 'no', 'unclear', 'not_applicable'] as const
export type AppraisalAnswer = (typeof APPRAISAL_ANSWERS)[number]

export interface AppraisalItem {
  /** Stable key stored with each answer: q1…q10. */
  code: string
  text: string
  /** CASP's first two questions: when either is answered No, the rest need not be answered. */
  screening: boolean
  section?: string
}

export interface AppraisalTool {
  id: AppraisalToolId
  name: string
  version: string
  answers: readonly AppraisalAnswer[]
  items: readonly AppraisalItem[]
}

export const ANSWER_LABELS: Record<AppraisalAnswer, string> = {
  yes: 'Yes',
  cant_tell: 'Can’t tell',
  no: 'No',
  unclear: 'Unclear',
  not_applicable: 'Not applicable',
}

/** The one- or two-character mark of the study × item matrix (Y / ? / N as reviews print it). */
export const ANSWER_MARKS: Record<AppraisalAnswer, string> = {
  yes: 'Y',
  cant_tell: '?',
  no: 'N',
  unclear: 'U',
  not_applicable: 'NA',
}

function items(
  texts: readonly string[],
  screening: readonly number[],
  sections: Record<number, string> = {},
): AppraisalItem[] {
  return texts.map((text, index) => {
    const section = sections[index + 1]
    return { code: `q${index + 1}`, text, screening: screening.includes(index + 1), ...(section ? { section } : {}) }
  })
}

export const CASP_QUALITATIVE: AppraisalTool = {
  id: 'casp_qualitative',
  name: 'CASP Qualitative Studies Checklist',
  version: '2018',
  answers: ['yes', 'cant_tell', 'no'],
  items: items(
    [
      'Was there a clear statement of the aims of the research?',
      'Is a qualitative methodology appropriate?',
      'Was the research design appropriate to address the aims of the research?',
      'Was the recruitment strategy appropriate to the aims of the research?',
      'Was the data collected in a way that addressed the research issue?',
      'Has the relationship between researcher and participants been adequately considered?',
      'Have ethical issues been taken into consideration?',
      'Was the data analysis sufficiently rigorous?',
      'Is there a clear statement of findings?',
      'How valuable is the research?',
    ],
    [1, 2],
    { 1: 'A. Are the results valid?', 7: 'B. What are the results?', 10: 'C. Will the results help locally?' },
  ),
}

export const JBI_QUALITATIVE: AppraisalTool = {
  id: 'jbi_qualitative',
  name: 'JBI Critical Appraisal Checklist for Qualitative Research',
  version: '2017',
  answers: ['yes', 'no', 'unclear', 'not_applicable'],
  items: items(
    [
      'Is there congruity between the stated philosophical perspective and the research methodology?',
      'Is there congruity between the research methodology and the research question or objectives?',
      'Is there congruity between the research methodology and the methods used to collect data?',
      'Is there congruity between the research methodology and the representation and analysis of data?',
      'Is there congruity between the research methodology and the interpretation of results?',
      'Is there a statement locating the researcher culturally or theoretically?',
      'Is the influence of the researcher on the research, and vice versa, addressed?',
      'Are participants, and their voices, adequately represented?',
      'Is the research ethical according to current criteria, or is there evidence of ethical approval?',
      'Do the conclusions drawn in the research report flow from the analysis or interpretation of the data?',
    ],
    [],
  ),
}

export const TOOLS: Record<AppraisalToolId, AppraisalTool> = {
  casp_qualitative: CASP_QUALITATIVE,
  jbi_qualitative: JBI_QUALITATIVE,
}

export const DEFAULT_APPRAISAL_TOOL: AppraisalToolId = 'casp_qualitative'

/** What a team grades a study as overall when it wants to (a convention of the team, not of the tools). */
export const DEFAULT_JUDGEMENT_LEVELS = ['High', 'Moderate', 'Low'] as const
