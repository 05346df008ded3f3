import type { FormatName, MappedField } from '../../src/domain/formats/index.ts'

/** How each reference format is named on screen. */
export const FORMAT_LABELS: Record<FormatName, string> = {
  ris: 'RIS',
  medline: 'PubMed / MEDLINE (.nbib)',
  pubmed_xml: 'PubMed XML',
  bibtex: 'BibTeX',
  endnote_xml: 'EndNote XML',
  endnote_tagged: 'EndNote tagged (.enw)',
  csl_json: 'CSL-JSON',
  wos: 'Web of Science (tagged)',
  ovid: 'Ovid (labelled text)',
  wos_tab: 'Web of Science (tab-delimited)',
  csv: 'CSV',
  tsv: 'TSV (tab-separated)',
  xlsx: 'Excel workbook (.xlsx)',
  ods: 'OpenDocument spreadsheet (.ods)',
}

export function formatLabel(format: string): string {
  return format in FORMAT_LABELS ? FORMAT_LABELS[format as FormatName] : format
}

/** What a CSV/TSV column can be mapped to, in the reviewer's words. */
export const MAPPED_FIELD_LABELS: Record<MappedField, string> = {
  title: 'Title',
  abstract: 'Abstract',
  authors: 'Authors',
  year: 'Year',
  journal: 'Journal or source',
  volume: 'Volume',
  issue: 'Issue',
  pages: 'Pages (e.g. 123-130)',
  pageStart: 'First page',
  pageEnd: 'Last page',
  articleNumber: 'Article number',
  doi: 'DOI',
  pmid: 'PubMed ID (PMID)',
  keywords: 'Keywords',
  language: 'Language',
  url: 'Link (URL)',
  publicationType: 'Publication type',
  citation: 'Citation (volume, issue and pages read from it)',
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
