import { and, asc, count, eq, inArray, ne, type SQL } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { records, reports, screeningVotes, sources, type Source } from '../../db/schema.ts'
import { screeningMove } from '../domain/vocabulary.ts'
import type { SourceInput } from '../input/source-input.ts'
import { changedFields, recordAuditEvent } from './audit.ts'
import { countImportsOfSource } from './records.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { afterDeduplication } from './stages.ts'

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

/** What changing a source's kind moves: its records into or out of title/abstract screening. */
export interface KindChange {
  move: 'into' | 'out'
  /** The source's records after deduplication: the ones whose stage changes. */
  records: number
  /** Of those, records with title/abstract votes (they stop counting when the records leave screening). */
  voted: number
  /** Of those, records whose retrieval has begun (they cannot go back into screening). */
  retrievalBegun: number
}

/** A kind change that moves records, waiting for the person's confirmation. */
export class KindChangeUnconfirmed extends StoreConflictError {
  constructor(
    readonly source: Source,
    readonly change: KindChange,
  ) {
    super(kindChangeQuestion(source, change), 'confirmKind')
  }
}

function kindChangeQuestion(source: Source, change: KindChange): string {
  const records = `${change.records} ${change.records === 1 ? 'record' : 'records'} of ${source.name}`
  if (change.move === 'into')
    return `${records} will go through title/abstract screening instead of straight to retrieval. Is that right?`
  const voted =
    change.voted === 0
      ? ''
      : ` ${change.voted} of them ${change.voted === 1 ? 'has' : 'have'} title/abstract votes, which will no longer count (the history keeps them).`
  return `${records} will leave title/abstract screening and go straight to retrieval, as PRISMA 2020’s other methods do.${voted} Is that right?`
}

/** What changing the source to `kind` would move (null when its records stay where they are). */
export function kindChangeOf(db: Executor, source: Source, kind: Source['kind']): KindChange | null {
  const move = screeningMove(source.kind, kind)
  if (!move) return null
  const ofSource = and(eq(records.sourceId, source.id), afterDeduplication(source.reviewId))
  const n = (where: SQL) => db.select({ n: count() }).from(records).where(where).get()?.n ?? 0
  const voted = db
    .select({ id: screeningVotes.recordId })
    .from(screeningVotes)
    .where(and(eq(screeningVotes.reviewId, source.reviewId), eq(screeningVotes.stage, 'title_abstract')))
  const begun = db
    .select({ id: reports.recordId })
    .from(reports)
    .where(and(eq(reports.reviewId, source.reviewId), ne(reports.retrieval, 'awaiting')))
  return {
    move,
    records: n(ofSource!),
    voted: n(and(ofSource, inArray(records.id, voted))!),
    retrievalBegun: n(and(ofSource, inArray(records.id, begun))!),
  }
}

/**
 * Saves a search-log entry. Changing its kind across the screening line moves its records into or out of
 * title/abstract screening with it (their stage follows the kind): that needs `confirmedKindChange`, and
 * records whose retrieval has begun cannot go back into screening. One transaction, one audit event.
 */
export function updateSource(
  db: Executor,
  reviewId: number,
  sourceId: number,
  input: SourceInput,
  actorId: number,
  options: { confirmedKindChange?: boolean } = {},
): Source {
  return db.transaction((tx) => {
    const before = requireSource(tx, reviewId, sourceId)
    assertNameFree(tx, reviewId, input.name, sourceId)
    const change = changedFields(before, input)
    if (!change) return before
    const moved = kindChangeOf(tx, before, input.kind)
    if (moved && moved.move === 'into' && moved.retrievalBegun > 0) {
      const n = moved.retrievalBegun
      throw new StoreConflictError(
        `Retrieval has begun for ${n} ${n === 1 ? 'record' : 'records'} of ${before.name}, so its records cannot go back to title/abstract screening. Undo their retrieval first.`,
        'kind',
      )
    }
    if (moved && moved.records > 0 && !options.confirmedKindChange) throw new KindChangeUnconfirmed(before, moved)
    const after = tx.update(sources).set(input).where(eq(sources.id, sourceId)).returning().get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'source.updated',
      entityType: 'source',
      entityId: sourceId,
      before: change.before,
      after:
        moved && moved.records > 0
          ? {
              ...change.after,
              recordsMoved: moved.records,
              screening: moved.move === 'out' ? 'out of title/abstract' : 'into title/abstract',
            }
          : change.after,
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
