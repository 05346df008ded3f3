/**
 * Appraisal sheets of a study: each appraiser's independent sheet (a draft until finished, blind to the
 * other appraiser) and the consensus recorded once both are finished. One transaction and one audit event
 * per save.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Executor } from '../../db/client.ts'
import { appraisalAnswers, appraisals, users } from '../../db/schema.ts'
import { itemsStillToAnswer, type AppraisalAnswers, type AppraisalSheet } from '../domain/appraisal/answers.ts'
import {
  appraiserPlace,
  mayRecordConsensus,
  mayReopen,
  type IndependentAppraisalState,
} from '../domain/appraisal/blinding.ts'
import { TOOLS, type AppraisalToolId } from '../domain/appraisal/tools.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { requireIncludedStudy } from './included-studies.ts'
import type { StoredSheet } from '../domain/appraisal/sheets.ts'

export interface StudyAppraisals {
  tool: AppraisalToolId
  independent: StoredSheet[]
  consensus: StoredSheet | null
}

/** The stored sheets of some studies with one tool, independent ones in the order they were started. */
export function loadSheets(tx: Executor, reviewId: number, tool: AppraisalToolId, studyIds?: number[]): StoredSheet[] {
  const updater = alias(users, 'updater')
  const rows = tx
    .select({ sheet: appraisals, appraiserName: users.name, updatedByName: updater.name })
    .from(appraisals)
    .leftJoin(users, eq(users.id, appraisals.appraiserId))
    .leftJoin(updater, eq(updater.id, appraisals.updatedBy))
    .where(
      and(
        eq(appraisals.reviewId, reviewId),
        eq(appraisals.tool, tool),
        studyIds === undefined ? undefined : inArray(appraisals.studyId, studyIds),
      ),
    )
    .orderBy(asc(appraisals.id))
    .all()
  const ids = rows.map((row) => row.sheet.id)
  const answers = new Map<number, AppraisalAnswers>(ids.map((id) => [id, {}]))
  if (ids.length > 0) {
    for (const row of tx.select().from(appraisalAnswers).where(inArray(appraisalAnswers.appraisalId, ids)).all()) {
      answers.get(row.appraisalId)![row.item] = { answer: row.answer, comment: row.comment }
    }
  }
  return rows.map(({ sheet, appraiserName, updatedByName }) => ({
    id: sheet.id,
    studyId: sheet.studyId,
    kind: sheet.kind,
    appraiserId: sheet.appraiserId,
    appraiserName,
    updatedByName,
    answers: answers.get(sheet.id) ?? {},
    overallJudgement: sheet.overallJudgement,
    overallRationale: sheet.overallRationale,
    finishedAt: sheet.finishedAt,
    updatedAt: sheet.updatedAt,
  }))
}

export function studyAppraisals(
  db: Executor,
  reviewId: number,
  studyId: number,
  tool: AppraisalToolId,
): StudyAppraisals {
  const sheets = loadSheets(db, reviewId, tool, [studyId])
  return {
    tool,
    independent: sheets.filter((sheet) => sheet.kind === 'independent'),
    consensus: sheets.find((sheet) => sheet.kind === 'consensus') ?? null,
  }
}

export function independentStates(sheets: readonly StoredSheet[]): IndependentAppraisalState[] {
  return sheets
    .filter((sheet) => sheet.kind === 'independent' && sheet.appraiserId !== null)
    .map((sheet) => ({ appraiserId: sheet.appraiserId!, finished: sheet.finishedAt !== null }))
}

/** Answers as an audit event shows them: item → answer, plus the judgement. */
function auditView(sheet: AppraisalSheet): Record<string, unknown> {
  const answers = Object.fromEntries(Object.entries(sheet.answers).map(([item, { answer }]) => [item, answer]))
  return { answers, overallJudgement: sheet.overallJudgement }
}

function writeSheet(
  tx: Executor,
  appraisalId: number,
  sheet: AppraisalSheet,
  changes: { finishedAt?: Date | null; actorId: number; now: Date },
) {
  tx.update(appraisals)
    .set({
      overallJudgement: sheet.overallJudgement,
      overallRationale: sheet.overallRationale,
      updatedBy: changes.actorId,
      updatedAt: changes.now,
      ...(changes.finishedAt === undefined ? {} : { finishedAt: changes.finishedAt }),
    })
    .where(eq(appraisals.id, appraisalId))
    .run()
  tx.delete(appraisalAnswers).where(eq(appraisalAnswers.appraisalId, appraisalId)).run()
  const rows = Object.entries(sheet.answers).map(([item, { answer, comment }]) => ({
    appraisalId,
    item,
    answer,
    comment,
  }))
  if (rows.length > 0) tx.insert(appraisalAnswers).values(rows).run()
}

function refuseUnfinished(tool: AppraisalToolId, sheet: AppraisalSheet, what: string): void {
  const missing = itemsStillToAnswer(TOOLS[tool], sheet.answers)
  if (missing.length === 0) return
  const codes = missing.map((item) => item.code.slice(1)).join(', ')
  throw new StoreConflictError(
    `${what}: answer every question first (still open: ${missing.length === 1 ? 'question' : 'questions'} ${codes}).`,
    `answer-${missing[0]!.code}`,
  )
}

export interface OwnAppraisalSave {
  reviewId: number
  studyId: number
  tool: AppraisalToolId
  appraiserId: number
  sheet: AppraisalSheet
  /** Declare the sheet finished: it is then compared with the other appraiser's. */
  finish: boolean
  now: Date
}

/**
 * Saves the appraiser's own sheet, starting it if they have none. Refused when two others already
 * appraise the study, when the sheet is already finished, and (on finishing) while questions are open.
 */
export function saveOwnAppraisal(db: Executor, save: OwnAppraisalSave): StoredSheet {
  return db.transaction((tx) => {
    requireIncludedStudy(tx, save.reviewId, save.studyId)
    const { independent } = studyAppraisals(tx, save.reviewId, save.studyId, save.tool)
    const place = appraiserPlace(independentStates(independent), save.appraiserId)
    if (place === 'taken') {
      const names = independent.map((sheet) => sheet.appraiserName ?? 'a former member').join(' and ')
      throw new StoreConflictError(`This study already has its two appraisers (${names}).`)
    }
    let existing = independent.find((sheet) => sheet.appraiserId === save.appraiserId)
    if (existing?.finishedAt) {
      throw new StoreConflictError('You have finished your appraisal of this study, so it can no longer change here.')
    }
    if (save.finish) refuseUnfinished(save.tool, save.sheet, 'Not finished')
    const appraisalId =
      existing?.id ??
      tx
        .insert(appraisals)
        .values({
          reviewId: save.reviewId,
          studyId: save.studyId,
          tool: save.tool,
          kind: 'independent',
          appraiserId: save.appraiserId,
          createdAt: save.now,
          updatedAt: save.now,
        })
        .returning({ id: appraisals.id })
        .get().id
    writeSheet(tx, appraisalId, save.sheet, {
      finishedAt: save.finish ? save.now : null,
      actorId: save.appraiserId,
      now: save.now,
    })
    recordAuditEvent(tx, {
      reviewId: save.reviewId,
      actorId: save.appraiserId,
      action: save.finish ? 'appraisal.finished' : existing ? 'appraisal.saved' : 'appraisal.started',
      entityType: 'appraisal',
      entityId: appraisalId,
      before: existing ? auditView(existing) : null,
      after: { study: save.studyId, tool: save.tool, ...auditView(save.sheet) },
    })
    existing = studyAppraisals(tx, save.reviewId, save.studyId, save.tool).independent.find(
      (sheet) => sheet.id === appraisalId,
    )
    return existing!
  })
}

/** The appraiser takes back a finished sheet, allowed only while the other appraiser has not finished. */
export function reopenOwnAppraisal(
  db: Executor,
  reviewId: number,
  studyId: number,
  tool: AppraisalToolId,
  appraiserId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    requireIncludedStudy(tx, reviewId, studyId)
    const { independent } = studyAppraisals(tx, reviewId, studyId, tool)
    if (!mayReopen(independentStates(independent), appraiserId)) {
      throw new StoreConflictError(
        'Only a finished appraisal can be reopened, and only before the other appraiser has finished theirs.',
      )
    }
    const own = independent.find((sheet) => sheet.appraiserId === appraiserId)!
    tx.update(appraisals)
      .set({ finishedAt: null, updatedBy: appraiserId, updatedAt: now })
      .where(eq(appraisals.id, own.id))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId: appraiserId,
      action: 'appraisal.reopened',
      entityType: 'appraisal',
      entityId: own.id,
      before: { finishedAt: own.finishedAt?.toISOString() ?? null },
      after: { finishedAt: null },
    })
  })
}

export interface ConsensusSave {
  reviewId: number
  studyId: number
  tool: AppraisalToolId
  actorId: number
  actorIsOwner: boolean
  sheet: AppraisalSheet
  now: Date
}

/** Records (or revises) the study's consensus: by either appraiser or an owner, once both have finished. */
export function recordConsensus(db: Executor, save: ConsensusSave): void {
  db.transaction((tx) => {
    requireIncludedStudy(tx, save.reviewId, save.studyId)
    const { independent, consensus } = studyAppraisals(tx, save.reviewId, save.studyId, save.tool)
    if (!mayRecordConsensus(independentStates(independent), save.actorId, save.actorIsOwner)) {
      throw new StoreConflictError(
        'A consensus is recorded once both appraisers have finished, by one of them or by an owner of the review.',
      )
    }
    refuseUnfinished(save.tool, save.sheet, 'Consensus not saved')
    const appraisalId =
      consensus?.id ??
      tx
        .insert(appraisals)
        .values({
          reviewId: save.reviewId,
          studyId: save.studyId,
          tool: save.tool,
          kind: 'consensus',
          appraiserId: null,
          createdAt: save.now,
          updatedAt: save.now,
        })
        .returning({ id: appraisals.id })
        .get().id
    writeSheet(tx, appraisalId, save.sheet, { finishedAt: save.now, actorId: save.actorId, now: save.now })
    recordAuditEvent(tx, {
      reviewId: save.reviewId,
      actorId: save.actorId,
      action: consensus ? 'appraisal.consensus_revised' : 'appraisal.consensus_recorded',
      entityType: 'appraisal',
      entityId: appraisalId,
      before: consensus ? auditView(consensus) : null,
      after: { study: save.studyId, tool: save.tool, ...auditView(save.sheet) },
    })
  })
}
