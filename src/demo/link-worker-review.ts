/**
 * The demo review `npm start` loads: a meta-ethnography of link workers' experiences of social
 * prescribing, shaped like the published one (Turk et al., BMC Medicine 2024) but with illustrative
 * protocol text and searches written for Weft (METHOD.md §8–9), not copied from the paper.
 */
import { DEFAULT_QUALITATIVE_FIELDS, type FieldDefinition } from '../domain/extraction/fields.ts'
import type { ReviewInput } from '../input/review-input.ts'
import type { SourceInput } from '../input/source-input.ts'

export const DEMO_PASSWORD = 'link-worker-demo'

export const DEMO_PEOPLE = [
  { email: 'demo@weft.local', name: 'Amira Demo', role: 'owner' },
  { email: 'second.reviewer@weft.local', name: 'Sam Second', role: 'reviewer' },
  { email: 'supervisor@weft.local', name: 'Pat Supervisor', role: 'viewer' },
  /** Named the review's third reviewer: resolves conflicts besides the owner. */
  { email: 'third.reviewer@weft.local', name: 'Tomás Third', role: 'reviewer' },
] as const

export const DEMO_REVIEW: ReviewInput = {
  title: 'Link workers’ experiences of social prescribing',
  slug: 'link-workers',
  question:
    'What shapes social prescribing link workers’ experiences of their role, and how do those experiences relate to the settings in which social prescribing is implemented?',
  registrationId: 'CRD42022300000 (demo)',
  spiderSample:
    'Social prescribing link workers under any job title (community connector, care navigator, social prescriber, community links practitioner, health advisor).',
  spiderPhenomenon: 'Their experiences of delivering social prescribing and of the link-worker role.',
  spiderDesign: 'Interviews, focus groups, ethnography, observation, or qualitative free-text surveys.',
  spiderEvaluation: 'Experiences, perceptions, views, challenges and facilitators reported by link workers.',
  spiderResearchType: 'Qualitative or mixed-methods studies with extractable qualitative data from link workers.',
  picoPopulation: 'Social prescribing link workers.',
  picoInterest: 'Experiences of the link-worker role.',
  picoContext:
    'Social prescribing schemes in primary care, the voluntary and community sector, or community settings, any country.',
  inclusionCriteria: [
    'Primary qualitative or mixed-methods research.',
    'Reports link workers’ own accounts (quotes or themes attributable to link workers).',
    'Social prescribing or an equivalent link-worker model in any country.',
    'Peer-reviewed articles, theses and research reports with enough detail to extract concepts.',
  ].join('\n'),
  exclusionCriteria: [
    'Quantitative-only designs; reviews, editorials, commentaries and protocols.',
    'Studies where link workers’ data cannot be separated from other participants’.',
    'Signposting by other professionals without a link-worker role.',
  ].join('\n'),
  prismaTemplate: 'new_databases_registers_other',
  reviewersPerRecord: 2,
  blindScreening: true,
  maybeIsConflict: true,
  screeningAllocation: 'open_pool',
  screeningOrder: 'relevance',
  includeTerms: [
    'link worker',
    'social prescrib',
    'community connector',
    'navigator',
    'qualitative',
    'interview',
    'experience',
  ].join('\n'),
  excludeTerms: ['randomi', 'trial', 'protocol', 'systematic review', 'cost-effective'].join('\n'),
  previousStudies: 0,
  previousReports: 0,
}

export const DEMO_EXCLUSION_REASONS = [
  'Not primary research (review, editorial, commentary, protocol)',
  'Not qualitative (no qualitative data collection and analysis)',
  'No link-worker role (signposting by other staff)',
  'Link workers’ accounts not reported separately',
  'Not about experiences of the role',
  'Conference abstract only',
]

const OVID_MEDLINE_STRATEGY = `1 exp Social Prescribing/ or "social prescri*".ti,ab,kw.
2 ("link worker*" or "community connector*" or "care navigator*" or "community navigator*").ti,ab,kw.
3 ("health advisor*" or "wellbeing coordinator*" or "community links practitioner*").ti,ab,kw.
4 or/1-3
5 exp Qualitative Research/ or exp Interviews as Topic/ or Focus Groups/
6 (qualitative or interview* or "focus group*" or ethnograph* or phenomenolog* or "grounded theory" or "thematic analys*").ti,ab,kw.
7 5 or 6
8 4 and 7
9 limit 8 to yr="2000 -Current"`

export const DEMO_SOURCES: SourceInput[] = [
  {
    name: 'MEDLINE',
    platform: 'Ovid',
    kind: 'database',
    dateRun: '2026-03-02',
    coverage: 'Ovid MEDLINE(R) ALL 1946 to February 27, 2026',
    strategy: OVID_MEDLINE_STRATEGY,
    limits: 'Published 2000 onwards (social prescribing link-worker roles post-date 2000). No language limit.',
    filters: 'No validated filter; qualitative terms written for this review (lines 5–7).',
    notes: 'Strategy peer reviewed with PRESS by the team’s information specialist.',
  },
  {
    name: 'Embase',
    platform: 'Ovid',
    kind: 'database',
    dateRun: '2026-03-02',
    coverage: 'Embase 1974 to 2026 Week 09',
    strategy: OVID_MEDLINE_STRATEGY.replace('exp Social Prescribing/', 'exp social prescribing/').replace(
      'exp Qualitative Research/ or exp Interviews as Topic/ or Focus Groups/',
      'exp qualitative research/ or exp interview/ or focus group/',
    ),
    limits: 'Published 2000 onwards; conference abstracts excluded with "not conference abstract.pt".',
    filters: '',
    notes: 'MEDLINE strategy translated to Emtree.',
  },
  {
    name: 'CINAHL Complete',
    platform: 'EBSCOhost',
    kind: 'database',
    dateRun: '2026-03-03',
    coverage: '1981 to March 2026',
    strategy: `S1 (MH "Social Prescribing") OR TI "social prescri*" OR AB "social prescri*"
S2 TI ("link worker*" OR "community connector*" OR "care navigator*") OR AB ("link worker*" OR "community connector*" OR "care navigator*")
S3 S1 OR S2
S4 (MH "Qualitative Studies+") OR TI (qualitative OR interview* OR "focus group*" OR ethnograph*) OR AB (qualitative OR interview* OR "focus group*" OR ethnograph*)
S5 S3 AND S4`,
    limits: 'Published 2000 onwards.',
    filters: '',
    notes: '',
  },
  {
    name: 'APA PsycInfo',
    platform: 'Ovid',
    kind: 'database',
    dateRun: '2026-03-03',
    coverage: '1806 to February Week 4 2026',
    strategy: OVID_MEDLINE_STRATEGY.replace('exp Social Prescribing/ or ', ''),
    limits: 'Published 2000 onwards.',
    filters: '',
    notes: 'No thesaurus term for social prescribing; free text only.',
  },
  {
    name: 'Scopus',
    platform: 'Elsevier',
    kind: 'database',
    dateRun: '2026-03-04',
    coverage: 'All years to 4 March 2026',
    strategy:
      'TITLE-ABS-KEY(("social prescri*" OR "link worker*" OR "community connector*" OR "care navigator*") AND (qualitative OR interview* OR "focus group*" OR ethnograph*)) AND PUBYEAR > 1999',
    limits: 'Published 2000 onwards.',
    filters: '',
    notes: '',
  },
  {
    name: 'Web of Science Core Collection',
    platform: 'Clarivate',
    kind: 'database',
    dateRun: '2026-03-04',
    coverage: 'SCI-EXPANDED and SSCI, 1900 to present',
    strategy:
      'TS=(("social prescri*" OR "link worker*" OR "community connector*" OR "care navigator*") AND (qualitative OR interview* OR "focus group*" OR ethnograph*))',
    limits: 'Publication years 2000–2026.',
    filters: '',
    notes: '',
  },
  {
    name: 'Google alerts',
    platform: 'Google',
    kind: 'other',
    dateRun: '2026-05-29',
    coverage: 'Weekly alerts from 2 March to 29 May 2026',
    strategy: '"social prescribing" "link worker" (qualitative OR interviews OR experiences)',
    limits: '',
    filters: '',
    notes: 'Alerts screened weekly by one reviewer; items already found in the databases are not counted again.',
  },
  {
    name: 'Reference lists of included studies',
    platform: '',
    kind: 'citation',
    dateRun: '2026-06-12',
    coverage: '',
    strategy: 'Backward citation searching of every included study’s reference list.',
    limits: '',
    filters: '',
    notes: '',
  },
]

/** A field of the generic form (DEFAULT_QUALITATIVE_FIELDS), where the demo asks the same. */
function genericField(label: string): FieldDefinition {
  const field = DEFAULT_QUALITATIVE_FIELDS.find((candidate) => candidate.label === label)
  if (!field) throw new Error(`the generic characteristics form has no field “${label}”`)
  return field
}

/**
 * The demo's characteristics form: the generic qualitative fields, shaped for link workers where it
 * matters (settings where they are based, shadowing, the number of link workers among the participants,
 * their job title and host organisation).
 */
export const DEMO_CHARACTERISTICS_FIELDS: readonly FieldDefinition[] = [
  genericField('Country'),
  {
    label: 'Setting',
    kind: 'single_choice',
    options: [
      'General practice / PCN',
      'Voluntary and community sector',
      'Community',
      'Hospital',
      'Local authority',
      'Mixed',
    ],
    hint: 'Where the link workers are based.',
  },
  genericField('Aim'),
  genericField('Methodology'),
  {
    label: 'Data collection',
    kind: 'multiple_choice',
    options: [
      'Semi-structured interviews',
      'Focus groups',
      'Observation',
      'Shadowing',
      'Documents',
      'Free-text survey',
      'Other',
    ],
    hint: '',
  },
  {
    label: 'Participants',
    kind: 'long_text',
    options: [],
    hint: 'Who took part (link workers only, or also patients, GPs, managers…).',
  },
  { label: 'Number of link workers', kind: 'number', options: [], hint: '' },
  genericField('Sample size'),
  {
    label: 'Data collection period',
    kind: 'short_text',
    options: [],
    hint: 'E.g. March–July 2020 (note before / during / after COVID-19).',
  },
  genericField('Analysis approach'),
  genericField('Funding'),
  { label: 'Link-worker job title', kind: 'short_text', options: [], hint: 'As the study names the role.' },
  { label: 'Host organisation', kind: 'short_text', options: [], hint: 'Who employs or hosts the link workers.' },
]
