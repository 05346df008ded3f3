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

/** The fields a new form offers for a qualitative evidence synthesis of link workers' experiences. */
export const DEFAULT_QUALITATIVE_FIELDS: readonly FieldDefinition[] = [
  {
    label: 'Country',
    kind: 'country',
    options: [],
    hint: 'Where the study was done; several countries separated by “;”.',
  },
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
    hint: 'E.g. ethnography, realist evaluation, phenomenology; theoretical framework.',
  },
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
  { label: 'Sample size', kind: 'number', options: [], hint: 'All participants.' },
  {
    label: 'Data collection period',
    kind: 'short_text',
    options: [],
    hint: 'E.g. March–July 2020 (note before / during / after COVID-19).',
  },
  {
    label: 'Analysis approach',
    kind: 'short_text',
    options: [],
    hint: 'E.g. thematic analysis (Braun and Clarke), framework analysis.',
  },
  { label: 'Funding', kind: 'short_text', options: [], hint: 'Funder and any conflicts of interest.' },
  { label: 'Link-worker job title', kind: 'short_text', options: [], hint: 'As the study names the role.' },
  { label: 'Host organisation', kind: 'short_text', options: [], hint: 'Who employs or hosts the link workers.' },
]
