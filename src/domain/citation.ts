import type { BibliographicRecord } from './formats/bibliographic-record.ts'

/**
 * How a page names a record: its title, authors, year and journal. Picked from the record type the parsers
 * produce and the records table stores (test/unit/db/record-row.test.ts holds the two together), so the
 * pages' shapes cannot drift from the stored columns.
 */
export type CitationSummary = Pick<BibliographicRecord, 'title' | 'authors' | 'year' | 'journal'>
