/**
 * Studies as the pages show them: each with its reports, named by their citations. The store fills these;
 * the views render them.
 */
import type { CitationSummary } from './citation.ts'
import type { ReportRetrievalStatus } from './vocabulary.ts'

export interface ExclusionAfterAppraisal {
  reason: string
  excludedByName: string | null
  excludedAt: Date
}

export interface IncludedReport extends CitationSummary {
  recordId: number
  /** Set when the full text is attached (stored by its SHA-256). */
  fileSha256: string | null
  fileName: string | null
}

export interface IncludedStudy {
  id: number
  label: string
  reports: IncludedReport[]
  /** Set when the team excluded the study after appraising it. */
  exclusion: ExclusionAfterAppraisal | null
}

export interface StudyReport extends CitationSummary {
  recordId: number
  doi: string | null
  retrieval: ReportRetrievalStatus
  fileSha256: string | null
  /** Included at full text now (a reopened or excluded report stays linked, but is not counted). */
  included: boolean
}

export interface StudyWithReports {
  id: number
  label: string
  reports: StudyReport[]
}
