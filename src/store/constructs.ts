/**
 * First-order constructs (participants' quotes) and second-order constructs (the authors'
 * interpretations) of one included study, and the links from each construct to the quotes that support
 * it. A link only ever joins a construct and a quote of the same study, so never across reviews.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  constructQuotes,
  firstOrderConstructs,
  secondOrderConstructs,
  type FirstOrderConstruct,
  type SecondOrderConstruct,
} from '../../db/schema.ts'
import { nextPosition } from './positions.ts'
import { recordAuditEvent, type AuditEntry } from './audit.ts'
import { isUnused, secondOrderUsage } from './synthesis-usage.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { requireIncludedStudy } from './included-studies.ts'
import type { LinkedConstruct } from '../domain/constructs/listing.ts'

export interface QuoteInput {
  quote: string
  page: string
  participant: string
}

export interface ConstructInput {
  label: string
  description: string
  page: string
  /** The study's quotes that support the construct. */
  quoteIds: number[]
}

export interface StudyConstructs {
  quotes: FirstOrderConstruct[]
  constructs: LinkedConstruct<SecondOrderConstruct>[]
}

export function listStudyConstructs(db: Executor, reviewId: number, studyId: number): StudyConstructs {
  const inStudy = (table: typeof firstOrderConstructs | typeof secondOrderConstructs) =>
    and(eq(table.reviewId, reviewId), eq(table.studyId, studyId))
  const quotes = db
    .select()
    .from(firstOrderConstructs)
    .where(inStudy(firstOrderConstructs))
    .orderBy(asc(firstOrderConstructs.position), asc(firstOrderConstructs.id))
    .all()
  const constructs = db
    .select()
    .from(secondOrderConstructs)
    .where(inStudy(secondOrderConstructs))
    .orderBy(asc(secondOrderConstructs.position), asc(secondOrderConstructs.id))
    .all()
  const links =
    constructs.length === 0
      ? []
      : db
          .select()
          .from(constructQuotes)
          .where(
            inArray(
              constructQuotes.secondOrderId,
              constructs.map((c) => c.id),
            ),
          )
          .all()
  const position = new Map(quotes.map((quote, index) => [quote.id, index]))
  return {
    quotes,
    constructs: constructs.map((construct) => ({
      ...construct,
      quoteIds: links
        .filter((link) => link.secondOrderId === construct.id)
        .map((link) => link.firstOrderId)
        .sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)),
    })),
  }
}

type Order = 'first' | 'second'
const TABLES = { first: firstOrderConstructs, second: secondOrderConstructs } as const
const NOUN = { first: 'quote', second: 'construct' } as const
const ENTITY = { first: 'first_order_construct', second: 'second_order_construct' } as const
const MISSING = { first: 'This study has no such quote.', second: 'This study has no such construct.' } as const

function requireItem(tx: Executor, order: Order, reviewId: number, studyId: number, id: number) {
  const table = TABLES[order]
  const row = tx
    .select()
    .from(table)
    .where(and(eq(table.reviewId, reviewId), eq(table.studyId, studyId), eq(table.id, id)))
    .get()
  if (!row) throw new StoreNotFoundError(MISSING[order])
  return row
}

function nextItemPosition(tx: Executor, order: Order, studyId: number): number {
  const table = TABLES[order]
  return nextPosition(tx, table.position, eq(table.studyId, studyId))
}

/** Every linked quote must be one of this study's: a link across studies (or reviews) is refused. */
function assertQuotesOfStudy(tx: Executor, reviewId: number, studyId: number, quoteIds: number[]): void {
  if (quoteIds.length === 0) return
  const found = tx
    .select({ id: firstOrderConstructs.id })
    .from(firstOrderConstructs)
    .where(
      and(
        eq(firstOrderConstructs.reviewId, reviewId),
        eq(firstOrderConstructs.studyId, studyId),
        inArray(firstOrderConstructs.id, quoteIds),
      ),
    )
    .all()
  if (found.length !== new Set(quoteIds).size) {
    throw new StoreConflictError('A construct can only be linked to quotes of its own study.', 'quoteIds')
  }
}

function replaceLinks(tx: Executor, constructId: number, quoteIds: number[]): void {
  tx.delete(constructQuotes).where(eq(constructQuotes.secondOrderId, constructId)).run()
  const unique = [...new Set(quoteIds)]
  if (unique.length > 0)
    tx.insert(constructQuotes)
      .values(unique.map((firstOrderId) => ({ secondOrderId: constructId, firstOrderId })))
      .run()
}

/** The audit event of a change to one of the study's quotes or constructs: "quote.added", "construct.moved"… */
function auditItem(
  tx: Executor,
  who: Actor,
  order: Order,
  verb: 'added' | 'edited' | 'moved' | 'deleted',
  entityId: number,
  change: Pick<AuditEntry, 'before' | 'after'>,
): void {
  recordAuditEvent(tx, {
    reviewId: who.reviewId,
    actorId: who.actorId,
    action: `${NOUN[order]}.${verb}`,
    entityType: ENTITY[order],
    entityId,
    ...change,
  })
}

interface Actor {
  reviewId: number
  studyId: number
  actorId: number
}

export function addQuote(db: Executor, who: Actor, input: QuoteInput): FirstOrderConstruct {
  return db.transaction((tx) => {
    requireIncludedStudy(tx, who.reviewId, who.studyId)
    const quote = tx
      .insert(firstOrderConstructs)
      .values({
        reviewId: who.reviewId,
        studyId: who.studyId,
        ...input,
        position: nextItemPosition(tx, 'first', who.studyId),
        createdBy: who.actorId,
      })
      .returning()
      .get()
    auditItem(tx, who, 'first', 'added', quote.id, { after: { study: who.studyId, ...input } })
    return quote
  })
}

/** Edits a quote's text, page or participant; the constructs it supports stay linked to it. */
export function editQuote(db: Executor, who: Actor, quoteId: number, input: QuoteInput): void {
  db.transaction((tx) => {
    const before = requireItem(tx, 'first', who.reviewId, who.studyId, quoteId) as FirstOrderConstruct
    tx.update(firstOrderConstructs).set(input).where(eq(firstOrderConstructs.id, quoteId)).run()
    auditItem(tx, who, 'first', 'edited', quoteId, {
      before: { quote: before.quote, page: before.page, participant: before.participant },
      after: { ...input },
    })
  })
}

export function addConstruct(db: Executor, who: Actor, input: ConstructInput): SecondOrderConstruct {
  return db.transaction((tx) => {
    requireIncludedStudy(tx, who.reviewId, who.studyId)
    assertQuotesOfStudy(tx, who.reviewId, who.studyId, input.quoteIds)
    const { quoteIds, ...fields } = input
    const construct = tx
      .insert(secondOrderConstructs)
      .values({
        reviewId: who.reviewId,
        studyId: who.studyId,
        ...fields,
        position: nextItemPosition(tx, 'second', who.studyId),
        createdBy: who.actorId,
      })
      .returning()
      .get()
    replaceLinks(tx, construct.id, quoteIds)
    auditItem(tx, who, 'second', 'added', construct.id, { after: { study: who.studyId, ...input } })
    return construct
  })
}

/** Edits a construct and sets the quotes that support it to exactly `quoteIds`. */
export function editConstruct(db: Executor, who: Actor, constructId: number, input: ConstructInput): void {
  db.transaction((tx) => {
    const before = requireItem(tx, 'second', who.reviewId, who.studyId, constructId) as SecondOrderConstruct
    assertQuotesOfStudy(tx, who.reviewId, who.studyId, input.quoteIds)
    const linkedBefore = tx
      .select({ id: constructQuotes.firstOrderId })
      .from(constructQuotes)
      .where(eq(constructQuotes.secondOrderId, constructId))
      .all()
      .map((row) => row.id)
    const { quoteIds, ...fields } = input
    tx.update(secondOrderConstructs).set(fields).where(eq(secondOrderConstructs.id, constructId)).run()
    replaceLinks(tx, constructId, quoteIds)
    auditItem(tx, who, 'second', 'edited', constructId, {
      before: { label: before.label, description: before.description, page: before.page, quoteIds: linkedBefore },
      after: { ...input },
    })
  })
}

/** Swaps a quote or construct with its neighbour in the study's list. */
export function moveConstructItem(db: Executor, who: Actor, order: Order, id: number, direction: 'up' | 'down'): void {
  db.transaction((tx) => {
    const table = TABLES[order]
    const ordered = tx
      .select({ id: table.id, position: table.position })
      .from(table)
      .where(and(eq(table.reviewId, who.reviewId), eq(table.studyId, who.studyId)))
      .orderBy(asc(table.position), asc(table.id))
      .all()
    const index = ordered.findIndex((row) => row.id === id)
    if (index < 0) throw new StoreNotFoundError(MISSING[order])
    const neighbour = ordered[direction === 'up' ? index - 1 : index + 1]
    if (!neighbour) return
    // Positions may tie (rows added in one go); renumbering the whole list keeps the swap exact.
    const reordered = ordered.map((row) => row.id)
    reordered[index] = neighbour.id
    reordered[direction === 'up' ? index - 1 : index + 1] = id
    reordered.forEach((rowId, position) => tx.update(table).set({ position }).where(eq(table.id, rowId)).run())
    auditItem(tx, who, order, 'moved', id, {
      before: { position: index },
      after: { position: direction === 'up' ? index - 1 : index + 1 },
    })
  })
}

/** Deletes a quote or construct; the links it had go with it (and are named in the audit event). */
export function deleteConstructItem(db: Executor, who: Actor, order: Order, id: number): void {
  db.transaction((tx) => {
    const before = requireItem(tx, order, who.reviewId, who.studyId, id)
    if (order === 'second' && !isUnused(secondOrderUsage(tx, who.reviewId, id))) {
      throw new StoreConflictError(
        'This construct is mapped to concepts of the synthesis. Delete it from its synthesis page (Synthesis → Grid → the construct), which lists what the deletion breaks and asks you to confirm.',
      )
    }
    const column = order === 'first' ? constructQuotes.firstOrderId : constructQuotes.secondOrderId
    const links = tx.select().from(constructQuotes).where(eq(column, id)).all()
    tx.delete(TABLES[order]).where(eq(TABLES[order].id, id)).run()
    const { reviewId: _r, createdBy: _c, createdAt: _a, ...shown } = before
    auditItem(tx, who, order, 'deleted', id, {
      before: { ...shown, links: links.map((link) => (order === 'first' ? link.secondOrderId : link.firstOrderId)) },
    })
  })
}
