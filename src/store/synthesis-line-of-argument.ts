/**
 * The line of argument: its narrative statement and its model — levels (or groups), third-order
 * constructs placed in them as nodes, and labelled relations between nodes.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import {
  argumentLevels,
  argumentNodes,
  argumentRelations,
  linesOfArgument,
  thirdOrderConstructs,
  type ArgumentLevel,
} from '../../db/schema.ts'
import type { LayoutNode, LayoutRelation } from '../domain/synthesis/line-of-argument-layout.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError, StoreNotFoundError } from './errors.ts'
import { assertLabelFree, requireLevel, requireNode, requireThirdOrder } from './synthesis-guards.ts'
import { nextPosition } from './positions.ts'

export interface ArgumentModel {
  statement: string
  levels: ArgumentLevel[]
  nodes: LayoutNode[]
  relations: LayoutRelation[]
}

export function readLineOfArgument(db: Executor, reviewId: number): ArgumentModel {
  const statement =
    db.select().from(linesOfArgument).where(eq(linesOfArgument.reviewId, reviewId)).get()?.statement ?? ''
  const levels = db
    .select()
    .from(argumentLevels)
    .where(eq(argumentLevels.reviewId, reviewId))
    .orderBy(asc(argumentLevels.position), asc(argumentLevels.id))
    .all()
  const nodes = db
    .select({
      id: argumentNodes.id,
      levelId: argumentNodes.levelId,
      thirdOrderId: argumentNodes.thirdOrderId,
      label: thirdOrderConstructs.label,
    })
    .from(argumentNodes)
    .innerJoin(thirdOrderConstructs, eq(thirdOrderConstructs.id, argumentNodes.thirdOrderId))
    .where(eq(argumentNodes.reviewId, reviewId))
    .orderBy(asc(argumentNodes.position), asc(argumentNodes.id))
    .all()
  const relations = db
    .select({
      id: argumentRelations.id,
      fromNodeId: argumentRelations.fromNodeId,
      toNodeId: argumentRelations.toNodeId,
      label: argumentRelations.label,
    })
    .from(argumentRelations)
    .where(eq(argumentRelations.reviewId, reviewId))
    .orderBy(asc(argumentRelations.id))
    .all()
  return { statement, levels, nodes, relations }
}

function audit(
  tx: Executor,
  reviewId: number,
  actorId: number,
  action: string,
  entityId: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  recordAuditEvent(tx, { reviewId, actorId, action, entityType: 'line_of_argument', entityId, before, after })
}

export function saveStatement(db: Executor, reviewId: number, statement: string, actorId: number, now: Date): void {
  db.transaction((tx) => {
    const before = tx.select().from(linesOfArgument).where(eq(linesOfArgument.reviewId, reviewId)).get()
    if (before?.statement === statement) return
    tx.insert(linesOfArgument)
      .values({ reviewId, statement, updatedBy: actorId, updatedAt: now })
      .onConflictDoUpdate({ target: linesOfArgument.reviewId, set: { statement, updatedBy: actorId, updatedAt: now } })
      .run()
    audit(
      tx,
      reviewId,
      actorId,
      'line_of_argument.statement_saved',
      reviewId,
      { statement: before?.statement ?? '' },
      { statement },
    )
  })
}

export function addLevel(db: Executor, reviewId: number, label: string, actorId: number): ArgumentLevel {
  return db.transaction((tx) => {
    assertLabelFree(
      tx.select().from(argumentLevels).where(eq(argumentLevels.reviewId, reviewId)).all(),
      label,
      'a level',
    )
    const position = nextPosition(tx, argumentLevels.position, eq(argumentLevels.reviewId, reviewId))
    const level = tx.insert(argumentLevels).values({ reviewId, label, position }).returning().get()
    audit(tx, reviewId, actorId, 'line_of_argument.level_added', level.id, null, { label, position })
    return level
  })
}

export function renameLevel(db: Executor, reviewId: number, levelId: number, label: string, actorId: number): void {
  db.transaction((tx) => {
    const before = requireLevel(tx, reviewId, levelId)
    if (before.label === label) return
    assertLabelFree(
      tx.select().from(argumentLevels).where(eq(argumentLevels.reviewId, reviewId)).all(),
      label,
      'a level',
      levelId,
    )
    tx.update(argumentLevels).set({ label }).where(eq(argumentLevels.id, levelId)).run()
    audit(tx, reviewId, actorId, 'line_of_argument.level_renamed', levelId, { label: before.label }, { label })
  })
}

/** A level that still holds nodes is not deleted: its constructs would drop out of the model unseen. */
export function deleteLevel(db: Executor, reviewId: number, levelId: number, actorId: number): void {
  db.transaction((tx) => {
    const level = requireLevel(tx, reviewId, levelId)
    const held = tx.select().from(argumentNodes).where(eq(argumentNodes.levelId, levelId)).all()
    if (held.length > 0) {
      throw new StoreConflictError(
        `“${level.label}” still holds ${held.length} construct(s): move or remove them first.`,
      )
    }
    tx.delete(argumentLevels).where(eq(argumentLevels.id, levelId)).run()
    audit(
      tx,
      reviewId,
      actorId,
      'line_of_argument.level_deleted',
      levelId,
      { label: level.label, position: level.position },
      null,
    )
  })
}

/** Places a third-order construct in a level, or moves it there if it is already in the model. */
export function placeNode(
  db: Executor,
  reviewId: number,
  thirdOrderId: number,
  levelId: number,
  actorId: number,
): number {
  return db.transaction((tx) => {
    const thirdOrder = requireThirdOrder(tx, reviewId, thirdOrderId)
    const level = requireLevel(tx, reviewId, levelId)
    const existing = tx
      .select()
      .from(argumentNodes)
      .where(and(eq(argumentNodes.reviewId, reviewId), eq(argumentNodes.thirdOrderId, thirdOrderId)))
      .get()
    const position = nextPosition(tx, argumentNodes.position, eq(argumentNodes.levelId, levelId))
    if (existing) {
      if (existing.levelId === levelId) return existing.id
      tx.update(argumentNodes).set({ levelId, position }).where(eq(argumentNodes.id, existing.id)).run()
      audit(
        tx,
        reviewId,
        actorId,
        'line_of_argument.node_moved',
        existing.id,
        { levelId: existing.levelId },
        { levelId, level: level.label, construct: thirdOrder.label },
      )
      return existing.id
    }
    const node = tx.insert(argumentNodes).values({ reviewId, levelId, thirdOrderId, position }).returning().get()
    audit(tx, reviewId, actorId, 'line_of_argument.node_placed', node.id, null, {
      levelId,
      level: level.label,
      thirdOrderId,
      construct: thirdOrder.label,
    })
    return node.id
  })
}

/** Takes a construct out of the model (not out of the synthesis); its relations go with it. */
export function removeNode(db: Executor, reviewId: number, nodeId: number, actorId: number): void {
  db.transaction((tx) => {
    const node = requireNode(tx, reviewId, nodeId)
    const relations = tx
      .select()
      .from(argumentRelations)
      .where(eq(argumentRelations.reviewId, reviewId))
      .all()
      .filter((relation) => relation.fromNodeId === nodeId || relation.toNodeId === nodeId)
    tx.delete(argumentNodes).where(eq(argumentNodes.id, nodeId)).run()
    audit(
      tx,
      reviewId,
      actorId,
      'line_of_argument.node_removed',
      nodeId,
      { levelId: node.levelId, thirdOrderId: node.thirdOrderId, relations },
      null,
    )
  })
}

export function addRelation(
  db: Executor,
  reviewId: number,
  fromNodeId: number,
  toNodeId: number,
  label: string,
  actorId: number,
): void {
  db.transaction((tx) => {
    requireNode(tx, reviewId, fromNodeId)
    requireNode(tx, reviewId, toNodeId)
    if (fromNodeId === toNodeId) throw new StoreConflictError('A relation joins two different constructs.', 'toNodeId')
    const already = tx
      .select()
      .from(argumentRelations)
      .where(and(eq(argumentRelations.fromNodeId, fromNodeId), eq(argumentRelations.toNodeId, toNodeId)))
      .get()
    if (already) throw new StoreConflictError('These two constructs are already related in this direction.', 'toNodeId')
    const relation = tx.insert(argumentRelations).values({ reviewId, fromNodeId, toNodeId, label }).returning().get()
    audit(tx, reviewId, actorId, 'line_of_argument.relation_added', relation.id, null, { fromNodeId, toNodeId, label })
  })
}

export function removeRelation(db: Executor, reviewId: number, relationId: number, actorId: number): void {
  db.transaction((tx) => {
    const relation = tx
      .select()
      .from(argumentRelations)
      .where(and(eq(argumentRelations.reviewId, reviewId), eq(argumentRelations.id, relationId)))
      .get()
    if (!relation) throw new StoreNotFoundError('The line of argument has no such relation.')
    tx.delete(argumentRelations).where(eq(argumentRelations.id, relationId)).run()
    audit(tx, reviewId, actorId, 'line_of_argument.relation_removed', relationId, { ...relation }, null)
  })
}
