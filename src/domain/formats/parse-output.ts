import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'

/** What one format parser returns for a whole decoded text. */
export interface ParseOutput {
  records: BibliographicRecord[]
  issues: ParseIssue[]
}
