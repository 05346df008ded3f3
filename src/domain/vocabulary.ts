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
export const SOURCE_KINDS = ['database', 'register', 'website', 'organisation', 'citation', 'other'] as const
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

/** The two screening stages: records at title/abstract, reports at full text. */
export const SCREENING_STAGES = ['title_abstract', 'full_text'] as const
export type ScreeningStage = (typeof SCREENING_STAGES)[number]

export const SCREENING_STAGE_LABELS: Record<ScreeningStage, string> = {
  title_abstract: 'Title/abstract',
  full_text: 'Full text',
}

/** A reviewer's vote; `withdrawn` is the row an undo appends, so history stays append-only. */
export const SCREENING_VERDICTS = ['include', 'exclude', 'maybe'] as const
export type ScreeningVerdict = (typeof SCREENING_VERDICTS)[number]
export const SCREENING_VOTES = [...SCREENING_VERDICTS, 'withdrawn'] as const
export type ScreeningVoteValue = (typeof SCREENING_VOTES)[number]

/** Where a record stands at a stage. `reopened`: an owner reopened it and it waits for a new verdict. */
export const SCREENING_OUTCOMES = ['pending', 'conflict', 'reopened', 'included', 'excluded'] as const
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number]

export const RESOLUTION_KINDS = ['resolve', 'reopen'] as const
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number]

/** Open pool: any reviewer takes the next record that still needs votes. Assigned: owners hand out batches. */
export const SCREENING_ALLOCATIONS = ['open_pool', 'assigned'] as const
export type ScreeningAllocation = (typeof SCREENING_ALLOCATIONS)[number]

/** The order of a reviewer's title/abstract queue: most likely relevant first (once the model has learnt), as imported, or shuffled. */
export const SCREENING_ORDERS = ['relevance', 'import', 'random'] as const
export type ScreeningOrder = (typeof SCREENING_ORDERS)[number]

/** What became of a pair deduplication proposed. */
export const DUPLICATE_CANDIDATE_STATUSES = ['pending', 'merged_automatically', 'confirmed', 'rejected'] as const
export type DuplicateCandidateStatus = (typeof DUPLICATE_CANDIDATE_STATUSES)[number]

export const REPORT_RETRIEVAL_STATUSES = ['awaiting', 'retrieved', 'not_retrieved'] as const
export type ReportRetrievalStatus = (typeof REPORT_RETRIEVAL_STATUSES)[number]

/** Sources whose records go straight to retrieval: PRISMA's "other methods" column has no screening box. */
export const OTHER_METHOD_SOURCE_KINDS: readonly SourceKind[] = ['website', 'organisation', 'citation', 'other']

/** Whether records of a source of this kind skip title/abstract screening (other methods). */
export function skipsTitleAbstract(kind: SourceKind): boolean {
  return OTHER_METHOD_SOURCE_KINDS.includes(kind)
}

/** Which way a change of a source's kind moves its records: into or out of title/abstract screening, or not at all. */
export function screeningMove(from: SourceKind, to: SourceKind): 'into' | 'out' | null {
  if (skipsTitleAbstract(from) === skipsTitleAbstract(to)) return null
  return skipsTitleAbstract(to) ? 'out' : 'into'
}
