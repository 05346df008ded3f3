/**
 * Extracted study characteristics. Under single extraction a reviewer types the value the table shows;
 * under dual extraction each extractor keeps their own values, and the table shows the value they agree
 * on or the consensus the team recorded where they did not.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { extractedValues, extractorValues, users, type ExtractionField } from '../../db/schema.ts'
import { settledValue } from '../domain/extraction/values.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { activeFields, listExtractionFields } from './extraction-fields.ts'
import { listStudiesInSynthesis, requireIncludedStudy } from './included-studies.ts'
import type { FieldValues, CharacteristicsRow } from '../domain/extraction/extracted.ts'

function valuesOfStudies(tx: Executor, reviewId: number, studyIds: number[]) {
  if (studyIds.length === 0) return { extracted: [], recorded: [] }
  const extracted = tx
    .select({
      fieldId: extractorValues.fieldId,
      studyId: extractorValues.studyId,
      extractorId: extractorValues.extractorId,
      name: users.name,
      value: extractorValues.value,
    })
    .from(extractorValues)
    .leftJoin(users, eq(users.id, extractorValues.extractorId))
    .where(and(eq(extractorValues.reviewId, reviewId), inArray(extractorValues.studyId, studyIds)))
    .orderBy(extractorValues.updatedAt)
    .all()
  const recorded = tx
    .select()
    .from(extractedValues)
    .where(and(eq(extractedValues.reviewId, reviewId), inArray(extractedValues.studyId, studyIds)))
    .all()
  return { extracted, recorded }
}

function fieldValuesOf(
  fields: readonly ExtractionField[],
  studyId: number,
  values: ReturnType<typeof valuesOfStudies>,
): FieldValues<ExtractionField>[] {
  return fields.map((field) => {
    const extractors = values.extracted
      .filter((row) => row.fieldId === field.id && row.studyId === studyId)
      .map(({ extractorId, name, value }) => ({ extractorId, name, value }))
    const recorded = values.recorded.find((row) => row.fieldId === field.id && row.studyId === studyId)?.value ?? null
    return {
      field,
      extractors,
      recorded,
      settled: settledValue(
        field.kind,
        extractors.map((entry) => entry.value),
        recorded,
      ),
    }
  })
}

/** Every field of the form (archived ones included) with what was extracted for the study. */
export function studyExtraction(db: Executor, reviewId: number, studyId: number): FieldValues<ExtractionField>[] {
  return fieldValuesOf(listExtractionFields(db, reviewId), studyId, valuesOfStudies(db, reviewId, [studyId]))
}

export interface ExtractionSave {
  reviewId: number
  studyId: number
  actorId: number
  /** By field id: the values of the fields on the form ('' for blank). */
  values: Map<number, string>
  now: Date
}

function labelled(fields: readonly ExtractionField[], change: Map<number, string>): Record<string, string> {
  return Object.fromEntries(
    [...change].map(([fieldId, value]) => [fields.find((field) => field.id === fieldId)?.label ?? fieldId, value]),
  )
}

/** Only fields on the form (not archived ones) take values; the input was built from the same list. */
function onFormFields(tx: Executor, reviewId: number, values: Map<number, string>): ExtractionField[] {
  const fields = activeFields(listExtractionFields(tx, reviewId))
  for (const fieldId of values.keys()) {
    if (!fields.some((field) => field.id === fieldId)) {
      throw new StoreConflictError('A field of this form was archived meanwhile. Reload the page and save again.')
    }
  }
  return fields
}

function writeRecorded(tx: Executor, save: ExtractionSave, action: string): void {
  const fields = onFormFields(tx, save.reviewId, save.values)
  const current = fieldValuesOf(fields, save.studyId, valuesOfStudies(tx, save.reviewId, [save.studyId]))
  const before = new Map<number, string>()
  const after = new Map<number, string>()
  for (const [fieldId, value] of save.values) {
    const was = current.find((entry) => entry.field.id === fieldId)?.recorded ?? ''
    if (was === value) continue
    before.set(fieldId, was)
    after.set(fieldId, value)
    tx.insert(extractedValues)
      .values({
        fieldId,
        studyId: save.studyId,
        reviewId: save.reviewId,
        value,
        updatedBy: save.actorId,
        updatedAt: save.now,
      })
      .onConflictDoUpdate({
        target: [extractedValues.fieldId, extractedValues.studyId],
        set: { value, updatedBy: save.actorId, updatedAt: save.now },
      })
      .run()
  }
  if (after.size === 0) return
  recordAuditEvent(tx, {
    reviewId: save.reviewId,
    actorId: save.actorId,
    action,
    entityType: 'study',
    entityId: save.studyId,
    before: labelled(fields, before),
    after: labelled(fields, after),
  })
}

/** Single extraction: the reviewer's values are the study's values. Unchanged fields are not rewritten. */
export function saveStudyValues(db: Executor, save: ExtractionSave): void {
  db.transaction((tx) => {
    requireIncludedStudy(tx, save.reviewId, save.studyId)
    writeRecorded(tx, save, 'extraction.values_saved')
  })
}

/** Dual extraction: the extractor's own values for every field on the form. */
export function saveExtractorValues(db: Executor, save: ExtractionSave): void {
  db.transaction((tx) => {
    requireIncludedStudy(tx, save.reviewId, save.studyId)
    const fields = onFormFields(tx, save.reviewId, save.values)
    const mine = new Map(
      tx
        .select()
        .from(extractorValues)
        .where(and(eq(extractorValues.studyId, save.studyId), eq(extractorValues.extractorId, save.actorId)))
        .all()
        .map((row) => [row.fieldId, row.value]),
    )
    for (const [fieldId, value] of save.values) {
      tx.insert(extractorValues)
        .values({
          fieldId,
          studyId: save.studyId,
          extractorId: save.actorId,
          reviewId: save.reviewId,
          value,
          updatedAt: save.now,
        })
        .onConflictDoUpdate({
          target: [extractorValues.fieldId, extractorValues.studyId, extractorValues.extractorId],
          set: { value, updatedAt: save.now },
        })
        .run()
    }
    const changed = new Map([...save.values].filter(([fieldId, value]) => mine.get(fieldId) !== value))
    recordAuditEvent(tx, {
      reviewId: save.reviewId,
      actorId: save.actorId,
      action: mine.size === 0 ? 'extraction.extractor_started' : 'extraction.extractor_saved',
      entityType: 'study',
      entityId: save.studyId,
      before: labelled(fields, new Map([...changed.keys()].map((fieldId) => [fieldId, mine.get(fieldId) ?? '']))),
      after: labelled(fields, changed),
    })
  })
}

/** Dual extraction: the value the team agreed for fields where the extractors differ (or to correct both). */
export function saveConsensusValues(db: Executor, save: ExtractionSave): void {
  db.transaction((tx) => {
    requireIncludedStudy(tx, save.reviewId, save.studyId)
    writeRecorded(tx, save, 'extraction.consensus_recorded')
  })
}

/** The characteristics-of-included-studies table: studies in the synthesis × fields on the form. */
export function characteristicsTable(
  db: Executor,
  reviewId: number,
): { fields: ExtractionField[]; rows: CharacteristicsRow[] } {
  const fields = activeFields(listExtractionFields(db, reviewId))
  const studies = listStudiesInSynthesis(db, reviewId)
  const values = valuesOfStudies(
    db,
    reviewId,
    studies.map((study) => study.id),
  )
  const rows = studies.map((study) => ({
    study,
    cells: fieldValuesOf(fields, study.id, values).map((entry) => entry.settled),
  }))
  return { fields, rows }
}
