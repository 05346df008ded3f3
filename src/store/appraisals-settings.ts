/**
 * A review's appraisal and extraction settings: which tool it appraises with, the levels of an overall
 * judgement, and whether characteristics are extracted twice. A review that never saved them has the defaults.
 */
import { and, count, eq, ne } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { appraisalSettings, appraisals } from '../../db/schema.ts'
import {
  DEFAULT_APPRAISAL_TOOL,
  DEFAULT_JUDGEMENT_LEVELS,
  TOOLS,
  type AppraisalToolId,
} from '../domain/appraisal/tools.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'

export interface AppraisalSettings {
  tool: AppraisalToolId
  judgementLevels: string[]
  dualExtraction: boolean
}

const DEFAULT_SETTINGS: AppraisalSettings = {
  tool: DEFAULT_APPRAISAL_TOOL,
  judgementLevels: [...DEFAULT_JUDGEMENT_LEVELS],
  dualExtraction: false,
}

export function getAppraisalSettings(db: Executor, reviewId: number): AppraisalSettings {
  const row = db.select().from(appraisalSettings).where(eq(appraisalSettings.reviewId, reviewId)).get()
  return row
    ? { tool: row.tool, judgementLevels: row.judgementLevels, dualExtraction: row.dualExtraction }
    : { ...DEFAULT_SETTINGS }
}

function saveSettings(
  tx: Executor,
  reviewId: number,
  change: Partial<AppraisalSettings>,
  actorId: number,
  now: Date,
): void {
  const before = getAppraisalSettings(tx, reviewId)
  const after = { ...before, ...change }
  tx.insert(appraisalSettings)
    .values({ reviewId, ...after, updatedBy: actorId, updatedAt: now })
    .onConflictDoUpdate({ target: appraisalSettings.reviewId, set: { ...after, updatedBy: actorId, updatedAt: now } })
    .run()
  const changedKeys = (Object.keys(change) as (keyof AppraisalSettings)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  )
  recordAuditEvent(tx, {
    reviewId,
    actorId,
    action: 'appraisal_settings.changed',
    entityType: 'review',
    entityId: reviewId,
    before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
    after: Object.fromEntries(changedKeys.map((key) => [key, after[key]])),
  })
}

/**
 * Sets the tool and the judgement levels. A review appraises with one tool: once a sheet exists with a
 * tool, switching to another is refused rather than leaving two incomparable sets of appraisals.
 */
export function saveAppraisalChoices(
  db: Executor,
  reviewId: number,
  choices: { tool: AppraisalToolId; judgementLevels: string[] },
  actorId: number,
  now = new Date(),
): void {
  db.transaction((tx) => {
    const other = tx
      .select({ tool: appraisals.tool, n: count() })
      .from(appraisals)
      .where(and(eq(appraisals.reviewId, reviewId), ne(appraisals.tool, choices.tool)))
      .groupBy(appraisals.tool)
      .get()
    if (other && other.n > 0) {
      throw new StoreConflictError(
        `${other.n} appraisal ${other.n === 1 ? 'sheet uses' : 'sheets use'} the ${TOOLS[other.tool].name}; ` +
          'a review appraises all its studies with one tool, so the tool can no longer change.',
        'tool',
      )
    }
    saveSettings(tx, reviewId, choices, actorId, now)
  })
}

export function saveDualExtraction(
  db: Executor,
  reviewId: number,
  dualExtraction: boolean,
  actorId: number,
  now = new Date(),
): void {
  db.transaction((tx) => saveSettings(tx, reviewId, { dualExtraction }, actorId, now))
}
