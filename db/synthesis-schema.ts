/**
 * The synthesis part of the data model (Noblit & Hare phases 4–7): the reviewers' concepts, how each
 * study's second-order constructs translate into them, third-order constructs, the line of argument,
 * GRADE-CERQual findings and the eMERGe / ENTREQ responses. Re-exported by schema.ts.
 *
 * Links that carry the synthesis's meaning (a construct mapped to a concept, a concept in a third-order
 * construct, a third-order construct in a finding or the model) reference their target with NO ACTION: the
 * database refuses to delete a concept or construct that something still uses, so nothing drops out of a
 * translation silently. The store deletes such things only after the person has seen what goes with them.
 * Everything also cascades from the review, so the links and their targets go together with it.
 */
import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CERQUAL_COMPONENTS, CONCERN_LEVELS, CONFIDENCE_LEVELS } from '../src/domain/cerqual/vocabulary.ts'
import { REPORTING_CHECKLISTS } from '../src/domain/reporting/vocabulary.ts'
import { FINDING_BASES, TRANSLATION_KINDS, TRANSLATION_ORDER_KINDS } from '../src/domain/synthesis/vocabulary.ts'
import { reviews, secondOrderConstructs, studies, users } from './schema.ts'

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())
const updatedAt = () =>
  integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date())
const reviewId = () =>
  integer('review_id')
    .notNull()
    .references(() => reviews.id, { onDelete: 'cascade' })
const actor = (name: string) => integer(name).references(() => users.id, { onDelete: 'set null' })

/** A reviewers' concept: a row of the juxtaposition grid, into which studies' constructs are translated. */
export const synthesisConcepts = sqliteTable(
  'synthesis_concepts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    createdBy: actor('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('synthesis_concepts_review_label_uq').on(t.reviewId, t.label),
    index('synthesis_concepts_review_idx').on(t.reviewId, t.position),
  ],
)

/**
 * A study's second-order construct mapped to a concept (a grid cell entry), with how it translates.
 * A refutational translation always says why the accounts contradict one another.
 */
export const conceptMappings = sqliteTable(
  'concept_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    conceptId: integer('concept_id')
      .notNull()
      .references(() => synthesisConcepts.id),
    secondOrderId: integer('second_order_id')
      .notNull()
      .references(() => secondOrderConstructs.id),
    translation: text('translation', { enum: TRANSLATION_KINDS }).notNull().default('reciprocal'),
    explanation: text('explanation').notNull().default(''),
    createdBy: actor('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('concept_mappings_pair_uq').on(t.conceptId, t.secondOrderId),
    index('concept_mappings_construct_idx').on(t.secondOrderId),
    index('concept_mappings_review_idx').on(t.reviewId),
    check(
      'concept_mappings_refutation_explained',
      sql`${t.translation} <> 'refutational' or length(trim(${t.explanation})) > 0`,
    ),
  ],
)

/** The order studies are translated in: chronological, from an index study, or the team's own. */
export const translationOrders = sqliteTable(
  'translation_orders',
  {
    reviewId: integer('review_id')
      .primaryKey()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TRANSLATION_ORDER_KINDS }).notNull().default('chronological'),
    indexStudyId: integer('index_study_id').references(() => studies.id, { onDelete: 'set null' }),
    rationale: text('rationale').notNull().default(''),
    updatedBy: actor('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [check('translation_orders_index_study', sql`${t.kind} <> 'index_study' or ${t.indexStudyId} is not null`)],
)

/** A custom translation order: each study's place (studies without one follow chronologically). */
export const translationOrderPositions = sqliteTable(
  'translation_order_positions',
  {
    reviewId: reviewId(),
    studyId: integer('study_id')
      .notNull()
      .references(() => studies.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.studyId] })],
)

/** A reviewers' interpretation built from concepts (third-order construct). */
export const thirdOrderConstructs = sqliteTable(
  'third_order_constructs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    label: text('label').notNull(),
    definition: text('definition').notNull().default(''),
    position: integer('position').notNull(),
    createdBy: actor('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('third_order_constructs_review_label_uq').on(t.reviewId, t.label)],
)

/** The concepts a third-order construct is built from. */
export const thirdOrderConcepts = sqliteTable(
  'third_order_concepts',
  {
    thirdOrderId: integer('third_order_id')
      .notNull()
      .references(() => thirdOrderConstructs.id, { onDelete: 'cascade' }),
    conceptId: integer('concept_id')
      .notNull()
      .references(() => synthesisConcepts.id),
  },
  (t) => [
    primaryKey({ columns: [t.thirdOrderId, t.conceptId] }),
    index('third_order_concepts_concept_idx').on(t.conceptId),
  ],
)

/** The line of argument's narrative statement (one per review). */
export const linesOfArgument = sqliteTable('lines_of_argument', {
  reviewId: integer('review_id')
    .primaryKey()
    .references(() => reviews.id, { onDelete: 'cascade' }),
  statement: text('statement').notNull().default(''),
  updatedBy: actor('updated_by'),
  updatedAt: updatedAt(),
})

/** A level or group of the line-of-argument model (a band of the figure), top to bottom. */
export const argumentLevels = sqliteTable(
  'argument_levels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('argument_levels_review_label_uq').on(t.reviewId, t.label)],
)

/** A third-order construct placed in the model, in a level; each construct appears at most once. */
export const argumentNodes = sqliteTable(
  'argument_nodes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    levelId: integer('level_id')
      .notNull()
      .references(() => argumentLevels.id),
    thirdOrderId: integer('third_order_id')
      .notNull()
      .references(() => thirdOrderConstructs.id),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('argument_nodes_construct_uq').on(t.reviewId, t.thirdOrderId),
    index('argument_nodes_level_idx').on(t.levelId),
  ],
)

/** A labelled arrow between two nodes of the model ("arises from", "constrains"…). */
export const argumentRelations = sqliteTable(
  'argument_relations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    fromNodeId: integer('from_node_id')
      .notNull()
      .references(() => argumentNodes.id, { onDelete: 'cascade' }),
    toNodeId: integer('to_node_id')
      .notNull()
      .references(() => argumentNodes.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
  },
  (t) => [
    uniqueIndex('argument_relations_pair_uq').on(t.fromNodeId, t.toNodeId),
    check('argument_relations_not_self', sql`${t.fromNodeId} <> ${t.toNodeId}`),
  ],
)

/**
 * A review finding assessed with GRADE-CERQual: its summary, what it rests on (a third-order construct or
 * the whole line of argument), the four components (level of concern + explanation) and the overall
 * confidence. Contributing studies are never stored: they are read from the links.
 */
export const cerqualFindings = sqliteTable(
  'cerqual_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: reviewId(),
    position: integer('position').notNull(),
    summary: text('summary').notNull(),
    basis: text('basis', { enum: FINDING_BASES }).notNull(),
    thirdOrderId: integer('third_order_id').references(() => thirdOrderConstructs.id),
    methodologicalLimitationsConcern: text('methodological_limitations_concern', { enum: CONCERN_LEVELS }),
    methodologicalLimitationsExplanation: text('methodological_limitations_explanation').notNull().default(''),
    coherenceConcern: text('coherence_concern', { enum: CONCERN_LEVELS }),
    coherenceExplanation: text('coherence_explanation').notNull().default(''),
    adequacyConcern: text('adequacy_concern', { enum: CONCERN_LEVELS }),
    adequacyExplanation: text('adequacy_explanation').notNull().default(''),
    relevanceConcern: text('relevance_concern', { enum: CONCERN_LEVELS }),
    relevanceExplanation: text('relevance_explanation').notNull().default(''),
    confidence: text('confidence', { enum: CONFIDENCE_LEVELS }),
    confidenceExplanation: text('confidence_explanation').notNull().default(''),
    createdBy: actor('created_by'),
    updatedBy: actor('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('cerqual_findings_review_idx').on(t.reviewId, t.position),
    index('cerqual_findings_third_order_idx').on(t.thirdOrderId),
    check('cerqual_findings_basis', sql`(${t.basis} = 'third_order') = (${t.thirdOrderId} is not null)`),
  ],
)

/** Where the manuscript reports each eMERGe / ENTREQ item, with notes. */
export const reportingResponses = sqliteTable(
  'reporting_responses',
  {
    reviewId: reviewId(),
    checklist: text('checklist', { enum: REPORTING_CHECKLISTS }).notNull(),
    item: integer('item').notNull(),
    location: text('location').notNull().default(''),
    notes: text('notes').notNull().default(''),
    updatedBy: actor('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.checklist, t.item] }),
    check(
      'reporting_responses_item',
      sql`(${t.checklist} = 'emerge' and ${t.item} between 1 and 19) or (${t.checklist} = 'entreq' and ${t.item} between 1 and 21)`,
    ),
  ],
)

/** Column names of a finding's component, so the store and views address the four alike. */
export const CERQUAL_COLUMNS = {
  methodological_limitations: {
    concern: 'methodologicalLimitationsConcern',
    explanation: 'methodologicalLimitationsExplanation',
  },
  coherence: { concern: 'coherenceConcern', explanation: 'coherenceExplanation' },
  adequacy: { concern: 'adequacyConcern', explanation: 'adequacyExplanation' },
  relevance: { concern: 'relevanceConcern', explanation: 'relevanceExplanation' },
} as const satisfies Record<(typeof CERQUAL_COMPONENTS)[number], { concern: string; explanation: string }>

export type SynthesisConcept = typeof synthesisConcepts.$inferSelect
export type ConceptMapping = typeof conceptMappings.$inferSelect
export type TranslationOrder = typeof translationOrders.$inferSelect
export type ThirdOrderConstruct = typeof thirdOrderConstructs.$inferSelect
export type LineOfArgument = typeof linesOfArgument.$inferSelect
export type ArgumentLevel = typeof argumentLevels.$inferSelect
export type ArgumentNode = typeof argumentNodes.$inferSelect
export type ArgumentRelation = typeof argumentRelations.$inferSelect
export type CerqualFinding = typeof cerqualFindings.$inferSelect
export type ReportingResponse = typeof reportingResponses.$inferSelect
