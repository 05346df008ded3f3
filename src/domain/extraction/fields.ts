/**
 * The study-characteristics form: the kinds of field a team can put on it, and the fields a qualitative
 * review starts with (METHOD.md §9.2, ENTREQ item 8, eMERGe item 10).
 */

export const FIELD_KINDS = ['short_text', 'long_text', 'number', 'single_choice', 'multiple_choice', 'country'] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  number: 'Number',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  country: 'Country',
}

export function hasOptions(kind: FieldKind): boolean {
  return kind === 'single_choice' || kind === 'multiple_choice'
}

export interface FieldDefinition {
  label: string
  kind: FieldKind
  /** The choices of a single- or multiple-choice field, in order; empty for other kinds. */
  options: string[]
  hint: string
}

export const MAX_FIELD_LABEL_LENGTH = 120
export const MAX_FIELD_OPTIONS = 40
export const MAX_OPTION_LENGTH = 120

/**
 * The fields a new form offers: what ENTREQ item 8 and eMERGe item 10 ask a report to give for each
 * included study (METHOD.md §9.2, core), for any qualitative evidence synthesis. A review adds its own
 * topic's fields (the demo adds link workers' job title and host organisation) on top.
 */
export const DEFAULT_QUALITATIVE_FIELDS: readonly FieldDefinition[] = [
  {
    label: 'Country',
    kind: 'country',
    options: [],
    hint: 'Where the study was done; several countries separated by “;”.',
  },
  {
    label: 'Setting',
    kind: 'short_text',
    options: [],
    hint: 'Where the study took place, e.g. primary care, community, hospital; urban or rural.',
  },
  {
    label: 'Aim',
    kind: 'long_text',
    options: [],
    hint: 'The study’s aim or research question, as its authors state it.',
  },
  {
    label: 'Methodology',
    kind: 'short_text',
    options: [],
    hint: 'E.g. ethnography, phenomenology, grounded theory; theoretical framework.',
  },
  {
    label: 'Data collection',
    kind: 'multiple_choice',
    options: ['Semi-structured interviews', 'Focus groups', 'Observation', 'Documents', 'Free-text survey', 'Other'],
    hint: '',
  },
  {
    label: 'Participants',
    kind: 'long_text',
    options: [],
    hint: 'Who took part and their characteristics, as reported.',
  },
  { label: 'Sample size', kind: 'number', options: [], hint: 'All participants.' },
  {
    label: 'Sampling and recruitment',
    kind: 'short_text',
    options: [],
    hint: 'E.g. purposive, snowball; how participants were approached.',
  },
  {
    label: 'Data collection period',
    kind: 'short_text',
    options: [],
    hint: 'When the data were collected, e.g. March–July 2020.',
  },
  {
    label: 'Analysis approach',
    kind: 'short_text',
    options: [],
    hint: 'E.g. thematic analysis (Braun and Clarke), framework analysis, constant comparison.',
  },
  {
    label: 'Publication type',
    kind: 'single_choice',
    options: ['Journal article', 'Report (grey literature)', 'Thesis', 'Conference paper', 'Other'],
    hint: '',
  },
  { label: 'Funding', kind: 'short_text', options: [], hint: 'Funder and any conflicts of interest.' },
]
