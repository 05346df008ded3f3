/**
 * Appraisal and extraction (issue 6): the review's appraisal tool and extraction settings, independent
 * appraisals and their consensus, the audited exclusion of a study after appraisal, and the
 * study-characteristics form with each extractor's values and the agreed value.
 *
 * Re-exported by schema.ts. The tables of schema.ts are referenced only inside the lazy `references`
 * callbacks, so the two modules may load in either order.
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { APPRAISAL_ANSWERS, APPRAISAL_TOOLS } from '../src/domain/appraisal/tools.ts'
import { FIELD_KINDS } from '../src/domain/extraction/fields.ts'
import { reviews, studies, users } from './schema.ts'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())

/** Per review: the appraisal tool, the team's overall-judgement levels and whether extraction is dual. */
export const appraisalSettings = sqliteTable('appraisal_settings', {
  reviewId: integer('review_id')
    .primaryKey()
    .references(() => reviews.id, { onDelete: 'cascade' }),
  tool: text('tool', { enum: APPRAISAL_TOOLS }).notNull(),
  /** The levels an overall judgement may take, in order (e.g. High, Moderate, Low); empty: no judgement. */
  judgementLevels: text('judgement_levels', { mode: 'json' }).$type<string[]>().notNull(),
  dualExtraction: integer('dual_extraction', { mode: 'boolean' }).notNull().default(false),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

export const APPRAISAL_KINDS = ['independent', 'consensus'] as const

/**
 * One appraisal sheet of a study with a tool: an appraiser's independent one (at most two per study),
 * or the consensus the team agreed (one per study and tool).
 */
export const appraisals = sqliteTable(
  'appraisals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    tool: text('tool', { enum: APPRAISAL_TOOLS }).notNull(),
    kind: text('kind', { enum: APPRAISAL_KINDS }).notNull(),
    /** The independent appraiser; null on the consensus sheet. */
    appraiserId: integer('appraiser_id').references(() => users.id),
    overallJudgement: text('overall_judgement'),
    overallRationale: text('overall_rationale').notNull().default(''),
    /** When the appraiser declared the sheet finished; until then it is a draft only they can read. */
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('appraisals_independent_uq')
      .on(t.studyId, t.tool, t.appraiserId)
      .where(sql`${t.kind} = 'independent'`),
    uniqueIndex('appraisals_consensus_uq')
      .on(t.studyId, t.tool)
      .where(sql`${t.kind} = 'consensus'`),
    index('appraisals_review_idx').on(t.reviewId, t.tool),
    check('appraisals_appraiser_present', sql`(${t.kind} = 'consensus') = (${t.appraiserId} is null)`),
  ],
)

/** The answer and comment an appraisal sheet gives one item of its tool. */
export const appraisalAnswers = sqliteTable(
  'appraisal_answers',
  {
    appraisalId: integer('appraisal_id')
      .notNull()
      .references(() => appraisals.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    answer: text('answer', { enum: APPRAISAL_ANSWERS }),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.appraisalId, t.item] })],
)

/** A study the team excluded after appraising it: always an explicit decision with its reason. */
export const appraisalExclusions = sqliteTable(
  'appraisal_exclusions',
  {
    studyId: integer('study_id')
      .primaryKey()
      .references(() => studies.id, { onDelete: 'cascade' }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    excludedBy: integer('excluded_by').references(() => users.id, { onDelete: 'set null' }),
    excludedAt: integer('excluded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('appraisal_exclusions_review_idx').on(t.reviewId)],
)

/** A field of the review's study-characteristics form. Removing it archives it: values are never lost. */
export const extractionFields = sqliteTable(
  'extraction_fields',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    kind: text('kind', { enum: FIELD_KINDS }).notNull(),
    options: text('options', { mode: 'json' }).$type<string[]>().notNull(),
    hint: text('hint').notNull().default(''),
    position: integer('position').notNull(),
    archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
    archivedBy: integer('archived_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('extraction_fields_review_idx').on(t.reviewId, t.position)],
)

/** What one extractor recorded for a field of a study (dual extraction); '' when they left it blank. */
export const extractorValues = sqliteTable(
  'extractor_values',
  {
    fieldId: integer('field_id')
      .notNull()
      .references(() => extractionFields.id, { onDelete: 'cascade' }),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    extractorId: integer('extractor_id')
      .notNull()
      .references(() => users.id),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fieldId, t.studyId, t.extractorId] }),
    index('extractor_values_study_idx').on(t.studyId),
  ],
)

/**
 * The value of a field for a study that the characteristics table shows: typed directly under single
 * extraction, the consensus under dual extraction.
 */
export const extractedValues = sqliteTable(
  'extracted_values',
  {
    fieldId: integer('field_id')
      .notNull()
      .references(() => extractionFields.id, { onDelete: 'cascade' }),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    reviewId: integer('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fieldId, t.studyId] }), index('extracted_values_study_idx').on(t.studyId)],
)

export type AppraisalSettingsRow = typeof appraisalSettings.$inferSelect
export type AppraisalRow = typeof appraisals.$inferSelect
export type AppraisalAnswerRow = typeof appraisalAnswers.$inferSelect
export type AppraisalExclusion = typeof appraisalExclusions.$inferSelect
export type ExtractionField = typeof extractionFields.$inferSelect
export type ExtractorValue = typeof extractorValues.$inferSelect
export type ExtractedValue = typeof extractedValues.$inferSelect
