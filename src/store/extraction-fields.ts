/**
 * The review's study-characteristics form: fields added, edited, reordered, archived and restored by the
 * owners. Archiving is the only way a field leaves the form, so no extracted value is ever lost.
 */
import { and, asc, count, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { extractionFields, type ExtractionField } from '../../db/schema.ts'
import { DEFAULT_QUALITATIVE_FIELDS, type FieldDefinition } from '../domain/extraction/fields.ts'
import { nextPosition } from './positions.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'

/** Every field of the form, archived ones included, in form order. */
export function listExtractionFields(db: Executor, reviewId: number): ExtractionField[] {
  return db
    .select()
    .from(extractionFields)
    .where(eq(extractionFields.reviewId, reviewId))
    .orderBy(asc(extractionFields.position), asc(extractionFields.id))
    .all()
}

export function activeFields(fields: readonly ExtractionField[]): ExtractionField[] {
  return fields.filter((field) => field.archivedAt === null)
}

export function requireExtractionField(tx: Executor, reviewId: number, fieldId: number): ExtractionField {
  const field = tx
    .select()
    .from(extractionFields)
    .where(and(eq(extractionFields.reviewId, reviewId), eq(extractionFields.id, fieldId)))
    .get()
  if (!field) throw new StoreNotFoundError('The characteristics form of this review has no such field.')
  return field
}

/** Labels are the columns of the characteristics table, so two fields (archived or not) never share one. */
function assertLabelFree(tx: Executor, reviewId: number, label: string, exceptId?: number): void {
  const clash = listExtractionFields(tx, reviewId).find(
    (field) => field.label.toLowerCase() === label.toLowerCase() && field.id !== exceptId,
  )
  if (clash) {
    const where = clash.archivedAt ? ' (archived: restore it instead)' : ''
    throw new StoreConflictError(`The form already has a field “${clash.label}”${where}.`, 'label')
  }
}

function nextFieldPosition(tx: Executor, reviewId: number): number {
  return nextPosition(tx, extractionFields.position, eq(extractionFields.reviewId, reviewId))
}

/** Starts an empty form with the fields of a qualitative review (METHOD.md §9.2), or with `fields`. */
export function addDefaultFields(
  db: Executor,
  reviewId: number,
  actorId: number,
  fields: readonly FieldDefinition[] = DEFAULT_QUALITATIVE_FIELDS,
): ExtractionField[] {
  return db.transaction((tx) => {
    const existing = tx
      .select({ n: count() })
      .from(extractionFields)
      .where(eq(extractionFields.reviewId, reviewId))
      .get()
    if ((existing?.n ?? 0) > 0) throw new StoreConflictError('The form already has fields; add any others one by one.')
    const added = tx
      .insert(extractionFields)
      .values(fields.map((field, position) => ({ reviewId, ...field, position })))
      .returning()
      .all()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'extraction_form.defaults_added',
      entityType: 'extraction_form',
      entityId: reviewId,
      after: { fields: added.map((field) => field.label) },
    })
    return added
  })
}

export function addExtractionField(
  db: Executor,
  reviewId: number,
  definition: FieldDefinition,
  actorId: number,
): ExtractionField {
  return db.transaction((tx) => {
    assertLabelFree(tx, reviewId, definition.label)
    const field = tx
      .insert(extractionFields)
      .values({ reviewId, ...definition, position: nextFieldPosition(tx, reviewId) })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'extraction_field.added',
      entityType: 'extraction_field',
      entityId: field.id,
      after: { ...definition },
    })
    return field
  })
}

/**
 * Changes a field's label, hint or choices. Its kind stays: values typed as one kind are not silently
 * reread as another (archive the field and add a new one instead). A value no longer among the choices
 * is kept, and shown as such.
 */
export function editExtractionField(
  db: Executor,
  reviewId: number,
  fieldId: number,
  change: Pick<FieldDefinition, 'label' | 'hint' | 'options'>,
  actorId: number,
): void {
  db.transaction((tx) => {
    const before = requireExtractionField(tx, reviewId, fieldId)
    assertLabelFree(tx, reviewId, change.label, fieldId)
    tx.update(extractionFields).set(change).where(eq(extractionFields.id, fieldId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'extraction_field.edited',
      entityType: 'extraction_field',
      entityId: fieldId,
      before: { label: before.label, hint: before.hint, options: before.options },
      after: { ...change },
    })
  })
}

/** Swaps a field with its neighbour among the fields on the form (archived ones keep their place). */
export function moveExtractionField(
  db: Executor,
  reviewId: number,
  fieldId: number,
  direction: 'up' | 'down',
  actorId: number,
): void {
  db.transaction((tx) => {
    const ordered = activeFields(listExtractionFields(tx, reviewId))
    const index = ordered.findIndex((field) => field.id === fieldId)
    if (index < 0) throw new StoreNotFoundError('The characteristics form of this review has no such field.')
    const neighbour = ordered[direction === 'up' ? index - 1 : index + 1]
    if (!neighbour) return
    const field = ordered[index]!
    tx.update(extractionFields).set({ position: neighbour.position }).where(eq(extractionFields.id, field.id)).run()
    tx.update(extractionFields).set({ position: field.position }).where(eq(extractionFields.id, neighbour.id)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'extraction_field.moved',
      entityType: 'extraction_field',
      entityId: fieldId,
      before: { label: field.label, position: field.position },
      after: { position: neighbour.position },
    })
  })
}

/** Takes a field off the form; its values stay, shown under “Archived fields”, until it is restored. */
export function archiveExtractionField(
  db: Executor,
  reviewId: number,
  fieldId: number,
  actorId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    const field = requireExtractionField(tx, reviewId, fieldId)
    if (field.archivedAt) throw new StoreConflictError(`“${field.label}” is already archived.`)
    tx.update(extractionFields)
      .set({ archivedAt: now, archivedBy: actorId })
      .where(eq(extractionFields.id, fieldId))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'extraction_field.archived',
      entityType: 'extraction_field',
      entityId: fieldId,
      before: { label: field.label, archived: false },
      after: { archived: true },
    })
  })
}

/** Puts an archived field back on the form, at the end, with every value it had. */
export function restoreExtractionField(db: Executor, reviewId: number, fieldId: number, actorId: number): void {
  db.transaction((tx) => {
    const field = requireExtractionField(tx, reviewId, fieldId)
    if (!field.archivedAt) throw new StoreConflictError(`“${field.label}” is on the form, not archived.`)
    tx.update(extractionFields)
      .set({ archivedAt: null, archivedBy: null, position: nextFieldPosition(tx, reviewId) })
      .where(and(eq(extractionFields.id, fieldId), eq(extractionFields.reviewId, reviewId)))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'extraction_field.restored',
      entityType: 'extraction_field',
      entityId: fieldId,
      before: { label: field.label, archived: true },
      after: { archived: false },
    })
  })
}
