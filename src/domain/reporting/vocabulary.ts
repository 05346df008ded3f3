/** The reporting checklists Weft keeps responses for, with their sizes (METHOD.md §3 and §6.6). */
export const REPORTING_CHECKLISTS = ['emerge', 'entreq'] as const
export type ReportingChecklist = (typeof REPORTING_CHECKLISTS)[number]

export const CHECKLIST_ITEM_COUNTS: Record<ReportingChecklist, number> = { emerge: 19, entreq: 21 }

export const CHECKLIST_TITLES: Record<ReportingChecklist, string> = {
  emerge: 'eMERGe meta-ethnography reporting guidance',
  entreq: 'ENTREQ: enhancing transparency in reporting the synthesis of qualitative research',
}

export const MAX_LOCATION_LENGTH = 500
export const MAX_NOTES_LENGTH = 5000
