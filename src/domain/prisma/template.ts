import type { PrismaTemplate } from '../vocabulary.ts'

/**
 * What each of the four PRISMA 2020 templates draws, and the exact wording that differs between them
 * (Page et al., BMJ 2021;372:n71; METHOD.md §6.1–6.2). The single word "new" is the whole difference
 * between a new and an updated review's headings — exactly what a figure typed by hand gets wrong.
 */
export interface PrismaTemplateLayout {
  /** Updated reviews: the "Previous studies" column and the "Total … included" boxes. */
  previous: boolean
  /** Templates "with other sources": the "Identification of … studies via other methods" column. */
  other: boolean
  wording: PrismaWording
}

export interface PrismaWording {
  previousHeader: string
  databasesHeader: string
  otherHeader: string
  includedStudies: string
  includedReports: string
  totalStudies: string
  totalReports: string
  previousStudies: string
  previousReports: string
}

const NEW_WORDING: PrismaWording = {
  previousHeader: 'Previous studies',
  databasesHeader: 'Identification of studies via databases and registers',
  otherHeader: 'Identification of studies via other methods',
  includedStudies: 'Studies included in review',
  includedReports: 'Reports of included studies',
  totalStudies: 'Total studies included in review',
  totalReports: 'Reports of total included studies',
  previousStudies: 'Studies included in previous version of review',
  previousReports: 'Reports of studies included in previous version of review',
}

const UPDATED_WORDING: PrismaWording = {
  ...NEW_WORDING,
  databasesHeader: 'Identification of new studies via databases and registers',
  otherHeader: 'Identification of new studies via other methods',
  includedStudies: 'New studies included in review',
  includedReports: 'Reports of new included studies',
}

const LAYOUTS: Record<PrismaTemplate, PrismaTemplateLayout> = {
  new_databases_registers: { previous: false, other: false, wording: NEW_WORDING },
  new_databases_registers_other: { previous: false, other: true, wording: NEW_WORDING },
  updated_databases_registers: { previous: true, other: false, wording: UPDATED_WORDING },
  updated_databases_registers_other: { previous: true, other: true, wording: UPDATED_WORDING },
}

export function prismaTemplateLayout(template: PrismaTemplate): PrismaTemplateLayout {
  return LAYOUTS[template]
}

/** Footnotes and citation line of the official templates, word for word. */
export const PRISMA_FOOTNOTES = {
  databases:
    '*Consider, if feasible to do so, reporting the number of records identified from each database or register searched (rather than the total number across all databases/registers).',
  automation:
    '**If automation tools were used, indicate how many records were excluded by a human and how many were excluded by automation tools.',
  citation:
    'From: Page MJ, McKenzie JE, Bossuyt PM, Boutron I, Hoffmann TC, Mulrow CD, et al. The PRISMA 2020 statement: an updated guideline for reporting systematic reviews. BMJ 2021;372:n71. doi: 10.1136/bmj.n71',
  moreInformation: 'For more information, visit: http://www.prisma-statement.org/',
} as const
