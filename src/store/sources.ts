import { and, asc, eq, ne } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { sources, type Source } from '../../db/schema.ts'
import type { SourceInput } from '../input/source-input.ts'
import { changedFields, recordAuditEvent } from './audit.ts'
import { countImportsOfSource } from './records.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'

export function listSources(db: Executor, reviewId: number): Source[] {
  return db.select().from(sources).where(eq(sources.reviewId, reviewId)).orderBy(asc(sources.id)).all()
}

export function findSource(db: Executor, reviewId: number, sourceId: number): Source | undefined {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.reviewId, reviewId), eq(sources.id, sourceId)))
    .get()
}

export function findSourceByName(db: Executor, reviewId: number, name: string): Source | undefined {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.reviewId, reviewId), eq(sources.name, name)))
    .get()
}

function assertNameFree(tx: Executor, reviewId: number, name: string, exceptId?: number): void {
  const conditions = [eq(sources.reviewId, reviewId), eq(sources.name, name)]
  if (exceptId !== undefined) conditions.push(ne(sources.id, exceptId))
  if (
    tx
      .select({ id: sources.id })
      .from(sources)
      .where(and(...conditions))
      .get()
  ) {
    throw new StoreConflictError(`The search log already has a source named “${name}”.`, 'name')
  }
}

function requireSource(tx: Executor, reviewId: number, sourceId: number): Source {
  const source = findSource(tx, reviewId, sourceId)
  if (!source) throw new StoreNotFoundError('This review has no such source.')
  return source
}

export function createSource(db: Executor, reviewId: number, input: SourceInput, actorId: number | null): Source {
  return db.transaction((tx) => {
    assertNameFree(tx, reviewId, input.name)
    const source = tx
      .insert(sources)
      .values({ ...input, reviewId })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'source.created',
      entityType: 'source',
      entityId: source.id,
      after: { ...input },
    })
    return source
  })
}

export function updateSource(
  db: Executor,
  reviewId: number,
  sourceId: number,
  input: SourceInput,
  actorId: number,
): Source {
  return db.transaction((tx) => {
    const before = requireSource(tx, reviewId, sourceId)
    assertNameFree(tx, reviewId, input.name, sourceId)
    const change = changedFields(before, input)
    if (!change) return before
    const after = tx.update(sources).set(input).where(eq(sources.id, sourceId)).returning().get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'source.updated',
      entityType: 'source',
      entityId: sourceId,
      ...change,
    })
    return after
  })
}

export function deleteSource(db: Executor, reviewId: number, sourceId: number, actorId: number): Source {
  return db.transaction((tx) => {
    const before = requireSource(tx, reviewId, sourceId)
    const imports = countImportsOfSource(tx, sourceId)
    if (imports > 0) {
      throw new StoreConflictError(
        `${before.name} has ${imports} imported ${imports === 1 ? 'file' : 'files'}; its records keep the search log true, so it cannot be deleted.`,
      )
    }
    tx.delete(sources).where(eq(sources.id, sourceId)).run()
    const { id: _id, reviewId: _review, createdAt: _created, ...fields } = before
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'source.deleted',
      entityType: 'source',
      entityId: sourceId,
      before: fields,
    })
    return before
  })
}
