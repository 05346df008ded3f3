/** Appraisal sheets as stored and as the overview shows them, per included study. */
import type { IncludedStudy } from '../studies.ts'
import type { AppraisalSheet } from './answers.ts'

export type StoredSheet = AppraisalSheet & {
  id: number
  studyId: number
  kind: 'independent' | 'consensus'
  appraiserId: number | null
  appraiserName: string | null
  updatedByName: string | null
  finishedAt: Date | null
  updatedAt: Date
}

export interface StudyAppraisalStatus {
  study: IncludedStudy
  appraisers: { id: number; name: string | null; finished: boolean }[]
  /** Items the two appraisers answered differently; null until both have finished. */
  differing: number | null
  consensus: StoredSheet | null
}
