/** Saving the translation order (METHOD.md §2.3): the kind, the index study, the rationale and a custom order. */
import { eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { translationOrderPositions, translationOrders } from '../../db/schema.ts'
import type { TranslationOrderKind } from '../domain/synthesis/vocabulary.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { readTranslationOrder } from './synthesis-snapshot.ts'
import { requireStudy } from './synthesis-guards.ts'

export interface TranslationOrderInput {
  kind: TranslationOrderKind
  indexStudyId: number | null
  rationale: string
  /** Custom order: study ids first to last. Ignored for the other kinds. */
  customOrder: number[]
}

export function saveTranslationOrder(
  db: Executor,
  reviewId: number,
  input: TranslationOrderInput,
  actorId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    const before = readTranslationOrder(tx, reviewId)
    if (input.kind === 'index_study') {
      if (input.indexStudyId === null) throw new StoreConflictError('Choose the index study.', 'indexStudyId')
      requireStudy(tx, reviewId, input.indexStudyId)
    }
    if (input.kind === 'custom') {
      if (new Set(input.customOrder).size !== input.customOrder.length) {
        throw new StoreConflictError('Give each study one place in the custom order.', 'customOrder')
      }
      for (const studyId of input.customOrder) requireStudy(tx, reviewId, studyId)
    }
    const row = {
      kind: input.kind,
      indexStudyId: input.kind === 'index_study' ? input.indexStudyId : null,
      rationale: input.rationale,
      updatedBy: actorId,
      updatedAt: now,
    }
    tx.insert(translationOrders)
      .values({ reviewId, ...row })
      .onConflictDoUpdate({ target: translationOrders.reviewId, set: row })
      .run()
    if (input.kind === 'custom') {
      tx.delete(translationOrderPositions).where(eq(translationOrderPositions.reviewId, reviewId)).run()
      input.customOrder.forEach((studyId, position) => {
        tx.insert(translationOrderPositions).values({ reviewId, studyId, position }).run()
      })
    }
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'translation_order.saved',
      entityType: 'translation_order',
      entityId: reviewId,
      before: {
        kind: before.setting.kind,
        indexStudyId: before.setting.indexStudyId,
        rationale: before.rationale,
        customOrder: [...before.setting.positions.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id),
      },
      after: {
        kind: row.kind,
        indexStudyId: row.indexStudyId,
        rationale: row.rationale,
        customOrder: input.kind === 'custom' ? input.customOrder : [],
      },
    })
  })
}
