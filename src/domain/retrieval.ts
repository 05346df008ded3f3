/** Retrieval as its page shows it: the reports sought, what became of each, and the counts. */
import type { CitationSummary } from './citation.ts'
import type { ReportRetrievalStatus, SourceKind } from './vocabulary.ts'

/** PRISMA 2020's two columns: databases and registers, or other methods. */
export type PrismaColumn = 'databases_registers' | 'other_methods'

export interface SoughtReport extends CitationSummary {
  recordId: number
  doi: string | null
  sourceName: string
  sourceKind: SourceKind
  column: PrismaColumn
  retrieval: ReportRetrievalStatus
  retrievalNote: string
  fileSha256: string | null
  fileName: string | null
  fileSize: number | null
  updatedAt: Date | null
  updatedByName: string | null
}

export interface RetrievalCounts {
  sought: number
  awaiting: number
  retrieved: number
  notRetrieved: number
}

export type RetrievalFilter = 'all' | ReportRetrievalStatus
