/**
 * The one record type every reference-format parser produces, whatever the file looked like.
 * Fields are normalised (trimmed, empty → null / []), so dedup, screening and exports can trust them.
 */
export interface BibliographicRecord {
  title: string | null
  abstract: string | null
  /** "Family, Given" where the format allows telling them apart; otherwise as written. */
  authors: string[]
  year: number | null
  journal: string | null
  volume: string | null
  issue: string | null
  /** "123-130" or an article number such as "e0123456". */
  pages: string | null
  /** Lower-cased, without "https://doi.org/" or "doi:" prefixes. */
  doi: string | null
  pmid: string | null
  keywords: string[]
  language: string | null
  url: string | null
  /** As the source says it ("Journal Article", "JOUR", "article"…), for display and filtering. */
  publicationType: string | null
  /** The record exactly as it stood in the file, so nothing the parser did not understand is lost. */
  originalText: string
  /** 1-based line in the decoded file where the record starts, for error reports. */
  line: number
  /** CSL-JSON of the record where the format has one (BibTeX, CSL-JSON via citation-js), without `_graph`. */
  csl?: Record<string, unknown>
}

/** What a reference is made of, in the order a reference list and Weft's CSV exports give them. */
export const CITATION_FIELDS = [
  'title',
  'authors',
  'year',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
] as const

/** A problem found while reading a file, named by where it is. */
export interface ParseIssue {
  line: number
  /** 1-based position of the record in the file, when the problem belongs to one record. */
  record?: number
  message: string
}
