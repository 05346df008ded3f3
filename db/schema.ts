/**
 * The data model of Weft in one drizzle schema. Column names are written out in snake_case so the SQL
 * reads the same as the code. Timestamps are integer milliseconds since the epoch.
 */
import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import {
  DUPLICATE_CANDIDATE_STATUSES,
  MEMBER_ROLES,
  PRISMA_TEMPLATES,
  REPORT_RETRIEVAL_STATUSES,
  RESOLUTION_KINDS,
  SCREENING_ALLOCATIONS,
  SCREENING_ORDERS,
  SCREENING_STAGES,
  SCREENING_VOTES,
  SCREENING_OUTCOMES,
  SOURCE_KINDS,
} from '../src/domain/vocabulary.ts'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stored lower-cased and trimmed so sign-in and membership look-ups match however it was typed. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the token's secret half: a leaked database does not yield usable cookies. */
    secretHash: text('secret_hash').notNull(),
    /** Key for this session's form tokens (CSRF + replay protection). */
    formKey: text('form_key').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Form tokens already used: a replayed or double-submitted form is refused instead of applied twice. */
export const usedFormTokens = sqliteTable('used_form_tokens', {
  nonce: text('nonce').primaryKey(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }).notNull(),
})

export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    question: text('question').notNull().default(''),
    registrationId: text('registration_id').notNull().default(''),
    spiderSample: text('spider_sample').notNull().default(''),
    spiderPhenomenon: text('spider_phenomenon').notNull().default(''),
    spiderDesign: text('spider_design').notNull().default(''),
    spiderEvaluation: text('spider_evaluation').notNull().default(''),
    spiderResearchType: text('spider_research_type').notNull().default(''),
    picoPopulation: text('pico_population').notNull().default(''),
    picoInterest: text('pico_interest').notNull().default(''),
    picoContext: text('pico_context').notNull().default(''),
    inclusionCriteria: text('inclusion_criteria').notNull().default(''),
    exclusionCriteria: text('exclusion_criteria').notNull().default(''),
    prismaTemplate: text('prisma_template', { enum: PRISMA_TEMPLATES })
      .notNull()
      .default('new_databases_registers_other'),
    reviewersPerRecord: integer('reviewers_per_record').notNull().default(2),
    blindScreening: integer('blind_screening', { mode: 'boolean' }).notNull().default(true),
    /** When set, a Maybe among the required votes sends the record to the conflict queue. */
    maybeIsConflict: integer('maybe_is_conflict', { mode: 'boolean' }).notNull().default(true),
    screeningAllocation: text('screening_allocation', { enum: SCREENING_ALLOCATIONS }).notNull().default('open_pool'),
    /** Title/abstract queue order; "relevance" serves import order until the model has an include and an exclude. */
    screeningOrder: text('screening_order', { enum: SCREENING_ORDERS }).notNull().default('relevance'),
    /** A reviewer the owners named to resolve conflicts besides themselves. */
    thirdReviewerId: integer('third_reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    /** Terms highlighted while screening, one per line, as an owner typed them. */
    includeTerms: text('include_terms').notNull().default(''),
    excludeTerms: text('exclude_terms').notNull().default(''),
    /** While true, everyone screens the pilot sample first and agreement is shown before full screening. */
    pilotActive: integer('pilot_active', { mode: 'boolean' }).notNull().default(false),
    /** Updated reviews: what the previous version included (PRISMA's "Previous studies" column). */
    previousStudies: integer('previous_studies').notNull().default(0),
    previousReports: integer('previous_reports').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    check('reviews_reviewers_per_record', sql`${t.reviewersPerRecord} in (1, 2)`),
    check('reviews_slug_format', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
)

export const memberships = sqliteTable(
  'memberships',
  {
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index('memberships_user_idx').on(t.userId)],
)

/** A search as run (PRISMA-S): one row of the review's search log. */
export const sources = sqliteTable(
  'sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    platform: text('platform').notNull().default(''),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
    /** ISO date (YYYY-MM-DD) the search was run; empty when not yet run. */
    dateRun: text('date_run').notNull().default(''),
    coverage: text('coverage').notNull().default(''),
    strategy: text('strategy').notNull().default(''),
    limits: text('limits').notNull().default(''),
    filters: text('filters').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('sources_review_name_uq').on(t.reviewId, t.name)],
)

/** Full-text exclusion reasons, ordered: the first that applies is a report's primary reason. */
export const exclusionReasons = sqliteTable(
  'exclusion_reasons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('exclusion_reasons_review_label_uq').on(t.reviewId, t.label),
    index('exclusion_reasons_review_position_idx').on(t.reviewId, t.position),
  ],
)

/** Who did what, when, with the entity before and after: written in the same transaction as the change. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').references(() => reviews.id, { onDelete: 'cascade' }),
    /** Null when the action came from the shell (`weft …`) rather than a signed-in person. */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: integer('at', { mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    after: text('after', { mode: 'json' }).$type<Record<string, unknown> | null>(),
  },
  (t) => [index('audit_events_review_idx').on(t.reviewId, t.id)],
)

/**
 * One deduplication run: what it found, kept so each import's page shows the run that compared its
 * records (a later run does not overwrite it). The batches it compared point at it.
 */
export const dedupRuns = sqliteTable(
  'dedup_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    /** Pairs the run proposed (automatic and for review). */
    candidates: integer('candidates').notNull(),
    /** Records the run linked to a primary automatically. */
    mergedAuto: integer('merged_auto').notNull(),
    /** Pairs waiting for a reviewer once the run was written (its own and earlier ones). */
    pendingAfter: integer('pending_after').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('dedup_runs_review_idx').on(t.reviewId)],
)

/** One file imported into a source: what it was, what came of it, who brought it. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    encoding: text('encoding').notNull(),
    /** Hex SHA-256 of the file's bytes: the same file imported twice into a review is caught by it. */
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    recordsRead: integer('records_read').notNull(),
    recordsFlagged: integer('records_flagged').notNull(),
    /** Problems the parser reported (line and message), kept so the summary can be shown again. */
    issues: text('issues', { mode: 'json' }).$type<{ line: number; record?: number; message: string }[]>().notNull(),
    /** Set once deduplication has compared this batch's records with the rest of the review. */
    deduplicated: integer('deduplicated', { mode: 'boolean' }).notNull().default(false),
    /** The run that compared them (null before, and for batches deduplicated before runs were kept). */
    dedupRunId: integer('dedup_run_id').references(() => dedupRuns.id, { onDelete: 'set null' }),
    importedBy: integer('imported_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('import_batches_review_sha_idx').on(t.reviewId, t.sha256)],
)

/**
 * A citation as imported: its source and batch, the original text, and the normalised fields. A
 * duplicate is never deleted; it points at its primary record through duplicate_of.
 */
export const records = sqliteTable(
  'records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sources.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    /** 1-based line in the imported file where the record starts. */
    line: integer('line').notNull(),
    title: text('title'),
    abstract: text('abstract'),
    authors: text('authors', { mode: 'json' }).$type<string[]>().notNull(),
    year: integer('year'),
    journal: text('journal'),
    volume: text('volume'),
    issue: text('issue'),
    pages: text('pages'),
    doi: text('doi'),
    pmid: text('pmid'),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull(),
    language: text('language'),
    url: text('url'),
    publicationType: text('publication_type'),
    originalText: text('original_text').notNull(),
    csl: text('csl', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** Why the record needs a person's look (e.g. it has no title); null when nothing is wrong. */
    flag: text('flag'),
    duplicateOf: integer('duplicate_of').references((): AnySQLiteColumn => records.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('records_review_idx').on(t.reviewId, t.id),
    index('records_batch_idx').on(t.batchId),
    index('records_duplicate_of_idx').on(t.duplicateOf),
    // Covers "the unique records of these sources": the long text columns stay unread.
    index('records_review_unique_source_idx').on(t.reviewId, t.duplicateOf, t.sourceId),
    check('records_not_own_duplicate', sql`${t.duplicateOf} is null or ${t.duplicateOf} <> ${t.id}`),
  ],
)

/** A pair deduplication proposed, with its evidence, and what became of it. */
export const duplicateCandidates = sqliteTable(
  'duplicate_candidates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    recordA: integer('record_a')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    recordB: integer('record_b')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence', { mode: 'json' }).$type<unknown[]>().notNull(),
    status: text('status', { enum: DUPLICATE_CANDIDATE_STATUSES }).notNull(),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair_uq').on(t.recordA, t.recordB),
    index('duplicate_candidates_review_status_idx').on(t.reviewId, t.status),
  ],
)

/**
 * Every vote ever cast, append-only: the audit trail of screening. A withdrawn vote (undo) is a row too.
 * What counts is the latest row per (record, stage, reviewer), mirrored in screening_votes.
 */
export const screeningDecisions = sqliteTable(
  'screening_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: SCREENING_STAGES }).notNull(),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    verdict: text('verdict', { enum: SCREENING_VOTES }).notNull(),
    reasonId: integer('reason_id').references(() => exclusionReasons.id),
    note: text('note').notNull().default(''),
    /** 'web', 'keyboard', 'import' (decisions CSV / Rayyan): how the vote arrived. */
    via: text('via').notNull().default('web'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('screening_decisions_record_idx').on(t.recordId, t.stage, t.reviewerId, t.id),
    index('screening_decisions_review_reviewer_idx').on(t.reviewId, t.reviewerId, t.id),
  ],
)

/** The vote that counts now for each (record, stage, reviewer): the latest screening_decisions row. */
export const screeningVotes = sqliteTable(
  'screening_votes',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: SCREENING_STAGES }).notNull(),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => screeningDecisions.id),
    verdict: text('verdict', { enum: SCREENING_VOTES }).notNull(),
    reasonId: integer('reason_id').references(() => exclusionReasons.id),
    note: text('note').notNull().default(''),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.stage, t.reviewerId] }),
    index('screening_votes_reviewer_idx').on(t.reviewId, t.stage, t.reviewerId, t.recordId),
  ],
)

/** A resolver's final verdict on a record, or an owner reopening it; append-only, the latest counts. */
export const screeningResolutions = sqliteTable(
  'screening_resolutions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: SCREENING_STAGES }).notNull(),
    kind: text('kind', { enum: RESOLUTION_KINDS }).notNull(),
    /** For a resolution: include or exclude. Null when reopening. */
    verdict: text('verdict', { enum: ['include', 'exclude'] }),
    reasonId: integer('reason_id').references(() => exclusionReasons.id),
    note: text('note').notNull().default(''),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    /** The record's latest screening_decisions id when this was written: later votes are newer than it. */
    lastDecisionId: integer('last_decision_id').notNull().default(0),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('screening_resolutions_record_idx').on(t.recordId, t.stage, t.id)],
)

/**
 * Where each record stands at each stage, recomputed from its votes and resolutions in the same transaction
 * that changes them, so queues, progress and PRISMA counts are one indexed query away.
 */
export const screeningStatus = sqliteTable(
  'screening_status',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: SCREENING_STAGES }).notNull(),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: SCREENING_OUTCOMES }).notNull(),
    /** Current (not withdrawn) votes. */
    votes: integer('votes').notNull(),
    /** The primary exclusion reason when the outcome is excluded at full text. */
    reasonId: integer('reason_id').references(() => exclusionReasons.id),
    /** True when a resolver's verdict decided the record (rather than agreeing votes). */
    resolved: integer('resolved', { mode: 'boolean' }).notNull().default(false),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.stage] }),
    index('screening_status_review_outcome_idx').on(t.reviewId, t.stage, t.outcome, t.recordId),
  ],
)

/** Owner-assigned screening batches: which reviewer screens which record at a stage. */
export const screeningAssignments = sqliteTable(
  'screening_assignments',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: SCREENING_STAGES }).notNull(),
    reviewerId: integer('reviewer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    assignedBy: integer('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.stage, t.reviewerId] }),
    index('screening_assignments_reviewer_idx').on(t.reviewId, t.stage, t.reviewerId, t.recordId),
  ],
)

/** The pilot sample: records everyone screens first so the team can check agreement. */
export const pilotRecords = sqliteTable(
  'pilot_records',
  {
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.recordId] })],
)

/** A study: one investigation. Several reports (records included at full text) may belong to it. */
export const studies = sqliteTable(
  'studies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    /** How the team names the study, e.g. "Moffatt 2017"; defaults from its first report. */
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('studies_review_idx').on(t.reviewId)],
)

/**
 * A report: a record sought for retrieval (included at title/abstract, or found by other methods), with
 * its retrieval state, the attached full text and the study it belongs to.
 */
export const reports = sqliteTable(
  'reports',
  {
    recordId: integer('record_id')
      .primaryKey()
      .references(() => records.id, { onDelete: 'cascade' }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    retrieval: text('retrieval', { enum: REPORT_RETRIEVAL_STATUSES }).notNull().default('awaiting'),
    retrievalNote: text('retrieval_note').notNull().default(''),
    /** Full text stored under the data directory by its SHA-256; null when none is attached. */
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    fileSize: integer('file_size'),
    studyId: integer('study_id').references(() => studies.id, { onDelete: 'set null' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('reports_review_retrieval_idx').on(t.reviewId, t.retrieval), index('reports_study_idx').on(t.studyId)],
)

/** A participant's own words quoted in a study (Schutz's first-order construct), with where it is. */
export const firstOrderConstructs = sqliteTable(
  'first_order_constructs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    quote: text('quote').notNull(),
    page: text('page').notNull().default(''),
    /** Who said it, as the study describes them (e.g. "LW3, female, 2 years in post"). */
    participant: text('participant').notNull().default(''),
    position: integer('position').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('first_order_constructs_study_idx').on(t.studyId, t.position)],
)

/** The study authors' interpretation (second-order construct), with where it is in the report. */
export const secondOrderConstructs = sqliteTable(
  'second_order_constructs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    page: text('page').notNull().default(''),
    position: integer('position').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('second_order_constructs_study_idx').on(t.studyId, t.position)],
)

/** Which quotes support which second-order construct (both of the same study; the store checks). */
export const constructQuotes = sqliteTable(
  'construct_quotes',
  {
    secondOrderId: integer('second_order_id')
      .notNull()
      .references(() => secondOrderConstructs.id, { onDelete: 'cascade' }),
    firstOrderId: integer('first_order_id')
      .notNull()
      .references(() => firstOrderConstructs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.secondOrderId, t.firstOrderId] }),
    index('construct_quotes_first_idx').on(t.firstOrderId),
  ],
)

export type User = typeof users.$inferSelect
export type Session = typeof sessions.$inferSelect
export type Review = typeof reviews.$inferSelect
export type NewReview = typeof reviews.$inferInsert
export type Membership = typeof memberships.$inferSelect
export type Source = typeof sources.$inferSelect
export type NewSource = typeof sources.$inferInsert
export type ExclusionReason = typeof exclusionReasons.$inferSelect
export type AuditEvent = typeof auditEvents.$inferSelect
export type ImportBatch = typeof importBatches.$inferSelect
export type DedupRun = typeof dedupRuns.$inferSelect
export type RecordRow = typeof records.$inferSelect
export type NewRecordRow = typeof records.$inferInsert
export type DuplicateCandidate = typeof duplicateCandidates.$inferSelect
export type ScreeningDecision = typeof screeningDecisions.$inferSelect
export type ScreeningVote = typeof screeningVotes.$inferSelect
export type ScreeningResolution = typeof screeningResolutions.$inferSelect
export type ScreeningStatusRow = typeof screeningStatus.$inferSelect
export type Study = typeof studies.$inferSelect
export type Report = typeof reports.$inferSelect
export type FirstOrderConstruct = typeof firstOrderConstructs.$inferSelect
export type SecondOrderConstruct = typeof secondOrderConstructs.$inferSelect
export * from './appraisal-schema.ts'
export * from './synthesis-schema.ts'
export * from './collaboration-schema.ts'
