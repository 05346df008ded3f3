import type { BibliographicRecord } from './bibliographic-record.ts'

/** A record with every normalised field empty; parsers fill in what the file says. */
export function blankRecord(originalText: string, line: number): BibliographicRecord {
  return {
    title: null,
    abstract: null,
    authors: [],
    year: null,
    journal: null,
    volume: null,
    issue: null,
    pages: null,
    doi: null,
    pmid: null,
    keywords: [],
    language: null,
    url: null,
    publicationType: null,
    originalText,
    line,
  }
}
