/**
 * The eMERGe (France et al. 2019; METHOD.md §3) and ENTREQ (Tong et al. 2012; METHOD.md §6.6) items:
 * exact headings where METHOD.md gives them, a paraphrase of what each asks, and the evidence in Weft
 * each item points at.
 */
import type { EvidenceKey } from './evidence.ts'
import type { ReportingChecklist } from './vocabulary.ts'

export interface ChecklistItem {
  number: number
  heading: string
  /** eMERGe: the Noblit & Hare phase; ENTREQ: the domain. */
  group: string
  /** eMERGe: the manuscript section the item belongs in; ENTREQ: empty. */
  section: string
  asks: string
  evidence: EvidenceKey[]
}

const P1 = 'Phase 1 — Selecting meta-ethnography and getting started'
const P2 = 'Phase 2 — Deciding what is relevant'
const P3 = 'Phase 3 — Reading included studies'
const P4 = 'Phase 4 — Determining how studies are related'
const P5 = 'Phase 5 — Translating studies into one another'
const P6 = 'Phase 6 — Synthesizing translations'
const P7 = 'Phase 7 — Expressing the synthesis'

export const EMERGE_ITEMS: readonly ChecklistItem[] = [
  {
    number: 1,
    heading: 'Rationale and context for the meta-ethnography',
    group: P1,
    section: 'Introduction',
    asks: 'State the knowledge gap and the wider context.',
    evidence: ['protocol'],
  },
  {
    number: 2,
    heading: 'Aim(s) of the meta-ethnography',
    group: P1,
    section: 'Introduction',
    asks: 'State the aim(s).',
    evidence: ['protocol'],
  },
  {
    number: 3,
    heading: 'Focus of the meta-ethnography',
    group: P1,
    section: 'Introduction',
    asks: 'State the review question(s) or objectives.',
    evidence: ['protocol'],
  },
  {
    number: 4,
    heading: 'Rationale for using meta-ethnography',
    group: P1,
    section: 'Introduction',
    asks: 'Justify meta-ethnography over other qualitative evidence synthesis methods.',
    evidence: ['protocol'],
  },
  {
    number: 5,
    heading: 'Search strategy',
    group: P2,
    section: 'Methods',
    asks: 'Give the rationale for the search strategy.',
    evidence: ['search_log'],
  },
  {
    number: 6,
    heading: 'Search processes',
    group: P2,
    section: 'Methods',
    asks: 'Describe how and by whom the searching was done.',
    evidence: ['search_log', 'deduplication'],
  },
  {
    number: 7,
    heading: 'Selecting primary studies',
    group: P2,
    section: 'Methods',
    asks: 'Describe the screening and selection process and who did it.',
    evidence: ['protocol', 'screening'],
  },
  {
    number: 8,
    heading: 'Outcome of study selection',
    group: P2,
    section: 'Findings',
    asks: 'Give the results of searching and screening (e.g. a flow diagram).',
    evidence: ['prisma'],
  },
  {
    number: 9,
    heading: 'Reading and data extraction approach',
    group: P3,
    section: 'Methods',
    asks: 'Describe the reading and data extraction methods and processes.',
    evidence: ['extraction'],
  },
  {
    number: 10,
    heading: 'Presenting characteristics of included studies',
    group: P3,
    section: 'Findings',
    asks: 'Describe the characteristics of the included studies.',
    evidence: ['characteristics'],
  },
  {
    number: 11,
    heading: 'Process for determining how studies are related',
    group: P4,
    section: 'Methods',
    asks: 'Describe which aspects of the studies were compared, and how.',
    evidence: ['grid', 'translation_order'],
  },
  {
    number: 12,
    heading: 'Outcome of relating studies',
    group: P4,
    section: 'Findings',
    asks: 'Describe how the studies relate to one another.',
    evidence: ['grid'],
  },
  {
    number: 13,
    heading: 'Process of translating studies',
    group: P5,
    section: 'Methods',
    asks: 'Describe how the context and meaning of concepts were preserved within and across studies, how reciprocal and refutational translations were done, and how alternative interpretations were considered.',
    evidence: ['translation_order', 'translation_tables'],
  },
  {
    number: 14,
    heading: 'Outcome of translation',
    group: P5,
    section: 'Findings',
    asks: 'Give the interpretive findings of the translation.',
    evidence: ['translation_tables'],
  },
  {
    number: 15,
    heading: 'Synthesis process',
    group: P6,
    section: 'Methods',
    asks: 'Describe how the overarching concepts (synthesized translations) were developed, including how alternative interpretations were considered.',
    evidence: ['third_order'],
  },
  {
    number: 16,
    heading: 'Outcome of synthesis process',
    group: P6,
    section: 'Findings',
    asks: 'Give the new theory, conceptual framework, model, configuration or interpretation the synthesis produced.',
    evidence: ['line_of_argument', 'third_order'],
  },
  {
    number: 17,
    heading: 'Summary of findings',
    group: P7,
    section: 'Discussion',
    asks: 'Summarise the main interpretive findings and compare them with the existing literature.',
    evidence: ['findings', 'report'],
  },
  {
    number: 18,
    heading: 'Strengths, limitations, and reflexivity',
    group: P7,
    section: 'Discussion',
    asks: 'Give the strengths and limitations of the synthesis and the reviewers’ influence on it (reflexivity).',
    evidence: ['findings', 'appraisal'],
  },
  {
    number: 19,
    heading: 'Recommendations and conclusions',
    group: P7,
    section: 'Discussion',
    asks: 'Give the implications for policy, practice, research and theory.',
    evidence: ['report'],
  },
]

const INTRO = 'Introduction'
const METHODS = 'Methods and methodology'
const SEARCH = 'Literature search and selection'
const APPRAISAL = 'Appraisal'
const SYNTHESIS = 'Synthesis of findings'

export const ENTREQ_ITEMS: readonly ChecklistItem[] = [
  {
    number: 1,
    heading: 'Aim',
    group: INTRO,
    section: '',
    asks: 'State the research question the synthesis addresses.',
    evidence: ['protocol'],
  },
  {
    number: 2,
    heading: 'Synthesis methodology',
    group: METHODS,
    section: '',
    asks: 'Identify the synthesis methodology and give its rationale.',
    evidence: ['protocol'],
  },
  {
    number: 3,
    heading: 'Approach to searching',
    group: SEARCH,
    section: '',
    asks: 'Say whether the search was pre-planned and comprehensive, or iterative to saturation.',
    evidence: ['search_log'],
  },
  {
    number: 4,
    heading: 'Inclusion criteria',
    group: SEARCH,
    section: '',
    asks: 'Specify the inclusion and exclusion criteria.',
    evidence: ['protocol'],
  },
  {
    number: 5,
    heading: 'Data sources',
    group: SEARCH,
    section: '',
    asks: 'Describe the information sources, when searched, and why.',
    evidence: ['search_log'],
  },
  {
    number: 6,
    heading: 'Electronic search strategy',
    group: SEARCH,
    section: '',
    asks: 'Describe the literature search strategies (terms, limits).',
    evidence: ['search_log'],
  },
  {
    number: 7,
    heading: 'Study screening methods',
    group: SEARCH,
    section: '',
    asks: 'Describe how studies were screened (title, abstract, full text) and by whom.',
    evidence: ['screening'],
  },
  {
    number: 8,
    heading: 'Study characteristics',
    group: SEARCH,
    section: '',
    asks: 'Present year, country, population, participants, data collection, methodology, analysis and research questions.',
    evidence: ['characteristics'],
  },
  {
    number: 9,
    heading: 'Study selection results',
    group: SEARCH,
    section: '',
    asks: 'Give the numbers screened and excluded, with reasons (e.g. a flow diagram).',
    evidence: ['prisma'],
  },
  {
    number: 10,
    heading: 'Rationale for appraisal',
    group: APPRAISAL,
    section: '',
    asks: 'Describe the rationale and approach for appraising the studies.',
    evidence: ['appraisal'],
  },
  {
    number: 11,
    heading: 'Appraisal items',
    group: APPRAISAL,
    section: '',
    asks: 'State the tool, framework or criteria used (domains or items).',
    evidence: ['appraisal'],
  },
  {
    number: 12,
    heading: 'Appraisal process',
    group: APPRAISAL,
    section: '',
    asks: 'Say whether appraisal was independent and by how many reviewers.',
    evidence: ['appraisal'],
  },
  {
    number: 13,
    heading: 'Appraisal results',
    group: APPRAISAL,
    section: '',
    asks: 'Present the results, and whether any studies were excluded or weighted because of them.',
    evidence: ['appraisal'],
  },
  {
    number: 14,
    heading: 'Data extraction',
    group: SYNTHESIS,
    section: '',
    asks: 'Say which sections of the studies were analysed and how the data were extracted.',
    evidence: ['extraction'],
  },
  {
    number: 15,
    heading: 'Software',
    group: SYNTHESIS,
    section: '',
    asks: 'Name the computer software used, if any.',
    evidence: [],
  },
  {
    number: 16,
    heading: 'Number of reviewers',
    group: SYNTHESIS,
    section: '',
    asks: 'Say who was involved in coding and analysis.',
    evidence: [],
  },
  {
    number: 17,
    heading: 'Coding',
    group: SYNTHESIS,
    section: '',
    asks: 'Describe the coding process (e.g. line-by-line coding).',
    evidence: ['extraction', 'grid'],
  },
  {
    number: 18,
    heading: 'Study comparison',
    group: SYNTHESIS,
    section: '',
    asks: 'Describe how comparisons were made within and across studies.',
    evidence: ['grid', 'translation_tables'],
  },
  {
    number: 19,
    heading: 'Derivation of themes',
    group: SYNTHESIS,
    section: '',
    asks: 'Say whether themes or constructs were derived inductively or deductively.',
    evidence: ['third_order'],
  },
  {
    number: 20,
    heading: 'Quotations',
    group: SYNTHESIS,
    section: '',
    asks: 'Give quotations from the primary studies to illustrate themes, with their sources.',
    evidence: ['translation_tables', 'third_order'],
  },
  {
    number: 21,
    heading: 'Synthesis output',
    group: SYNTHESIS,
    section: '',
    asks: 'Present a rich, compelling synthesis that goes beyond the primary studies (new constructs, models or theory).',
    evidence: ['line_of_argument', 'findings'],
  },
]

export const CHECKLIST_ITEMS: Record<ReportingChecklist, readonly ChecklistItem[]> = {
  emerge: EMERGE_ITEMS,
  entreq: ENTREQ_ITEMS,
}
