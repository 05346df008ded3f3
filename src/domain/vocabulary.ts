/**
 * Closed vocabularies of a review, shared by the schema, the validators and the views so that a value the
 * database accepts is always one the UI can show.
 */

export const MEMBER_ROLES = ['owner', 'reviewer', 'viewer'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

const ROLE_RANK: Record<MemberRole, number> = { viewer: 0, reviewer: 1, owner: 2 }

/** True when `role` carries at least the rights of `required` (owner ⊃ reviewer ⊃ viewer). */
export function roleAtLeast(role: MemberRole, required: MemberRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required]
}

/** The four PRISMA 2020 flow-diagram variants (Page et al., BMJ 2021;372:n71). */
export const PRISMA_TEMPLATES = [
  'new_databases_registers',
  'new_databases_registers_other',
  'updated_databases_registers',
  'updated_databases_registers_other',
] as const
export type PrismaTemplate = (typeof PRISMA_TEMPLATES)[number]

export const DEFAULT_PRISMA_TEMPLATE: PrismaTemplate = 'new_databases_registers_other'

export const PRISMA_TEMPLATE_LABELS: Record<PrismaTemplate, string> = {
  new_databases_registers: 'New review — databases and registers only',
  new_databases_registers_other: 'New review — databases, registers and other sources',
  updated_databases_registers: 'Updated review — databases and registers only',
  updated_databases_registers_other: 'Updated review — databases, registers and other sources',
}

/** Where a search was run, in PRISMA-S terms; decides the PRISMA column its records count in. */
export const SOURCE_KINDS = [
  'database',
  'register',
  'website',
  'organisation',
  'citation',
  'other',
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  database: 'Database',
  register: 'Register',
  website: 'Website',
  organisation: 'Organisation',
  citation: 'Citation searching',
  other: 'Other',
}

export const REVIEWERS_PER_RECORD = [1, 2] as const
export type ReviewersPerRecord = (typeof REVIEWERS_PER_RECORD)[number]
