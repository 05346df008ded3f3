/**
 * The evidence Weft already holds for a reporting item: a page of the review (relative to
 * /reviews/:slug) the item points at. Pieces built in other stages of the project are listed with a note
 * until their page exists in this build; `EVIDENCE_PAGES` is the one place to switch them on.
 */
export const EVIDENCE_KEYS = [
  'protocol',
  'search_log',
  'deduplication',
  'screening',
  'prisma',
  'characteristics',
  'appraisal',
  'extraction',
  'grid',
  'translation_order',
  'translation_tables',
  'third_order',
  'line_of_argument',
  'findings',
  'report',
] as const
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number]

export interface EvidencePage {
  label: string
  /** Path under /reviews/:slug. */
  path: string
}

export const EVIDENCE_PAGES: Record<EvidenceKey, EvidencePage> = {
  protocol: { label: 'Protocol (question, SPIDER/PICo, criteria)', path: '/protocol' },
  search_log: { label: 'Search log (PRISMA-S)', path: '/sources' },
  deduplication: { label: 'Duplicate decisions', path: '/duplicates' },
  screening: { label: 'Screening decisions', path: '/screening' },
  prisma: { label: 'PRISMA 2020 flow diagram', path: '/report' },
  characteristics: { label: 'Characteristics of included studies', path: '/characteristics' },
  appraisal: { label: 'Quality appraisal table', path: '/appraisal' },
  extraction: { label: 'Extracted first- and second-order constructs', path: '/constructs' },
  grid: { label: 'Juxtaposition grid', path: '/synthesis/grid' },
  translation_order: { label: 'Translation order and rationale', path: '/synthesis/translation' },
  translation_tables: { label: 'Translation tables', path: '/synthesis/translation' },
  third_order: { label: 'Third-order constructs with their studies and quotes', path: '/synthesis/third-order' },
  line_of_argument: { label: 'Line of argument (statement and figure)', path: '/synthesis/line-of-argument' },
  findings: {
    label: 'GRADE-CERQual Summary of Qualitative Findings and Evidence Profile',
    path: '/synthesis/findings',
  },
  report: { label: 'Synthesis report', path: '/synthesis/report' },
}
