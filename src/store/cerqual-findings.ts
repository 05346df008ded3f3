/**
 * Review findings and their GRADE-CERQual assessments. The studies contributing to a finding are never
 * stored: they are traced through the links (third-order construct → concepts → second-order constructs
 * → studies) every time a table is drawn.
 */
import { asc, eq } from 'drizzle-orm'
import type { Executor } from '../../db/client.ts'
import { CERQUAL_COLUMNS, cerqualFindings, type CerqualFinding } from '../../db/schema.ts'
import { assessmentProblems, type CerqualAssessment } from '../domain/cerqual/assessment.ts'
import type { FindingInput } from '../domain/cerqual/finding.ts'
import type { AppraisalSummaries, FindingForTable } from '../domain/cerqual/tables.ts'
import { CERQUAL_COMPONENTS } from '../domain/cerqual/vocabulary.ts'
import { linksOf, type SynthesisSnapshot } from '../domain/synthesis/snapshot.ts'
import { traceThirdOrders, type Trace } from '../domain/synthesis/traceability.ts'
import { appraisalSummaryLine } from '../domain/appraisal/summary.ts'
import { TOOLS } from '../domain/appraisal/tools.ts'
import { appraisalOverview } from './appraisals-summary.ts'
import { getAppraisalSettings } from './appraisals-settings.ts'
import { recordAuditEvent } from './audit.ts'
import { StoreConflictError } from './errors.ts'
import { requireFinding, requireThirdOrder } from './synthesis-guards.ts'
import { nextPosition } from './positions.ts'
import { readLineOfArgument } from './synthesis-line-of-argument.ts'

/**
 * Each contributing study's agreed (consensus) appraisal in one line, for the Evidence Profile's
 * methodological-limitations column. Studies without a consensus appraisal are left out.
 */
export function appraisalSummaryByStudy(db: Executor, reviewId: number): AppraisalSummaries {
  const { tool } = getAppraisalSettings(db, reviewId)
  const summaries = new Map<number, string>()
  for (const status of appraisalOverview(db, reviewId, tool)) {
    if (status.consensus) summaries.set(status.study.id, appraisalSummaryLine(TOOLS[tool], status.consensus))
  }
  return summaries
}

export function listFindings(db: Executor, reviewId: number): CerqualFinding[] {
  return db
    .select()
    .from(cerqualFindings)
    .where(eq(cerqualFindings.reviewId, reviewId))
    .orderBy(asc(cerqualFindings.position), asc(cerqualFindings.id))
    .all()
}

export function findFinding(db: Executor, reviewId: number, findingId: number): CerqualFinding {
  return requireFinding(db, reviewId, findingId)
}

export function assessmentOf(finding: CerqualFinding): CerqualAssessment {
  const components = Object.fromEntries(
    CERQUAL_COMPONENTS.map((component) => {
      const columns = CERQUAL_COLUMNS[component]
      return [component, { concern: finding[columns.concern], explanation: finding[columns.explanation] }]
    }),
  ) as CerqualAssessment['components']
  return { components, confidence: finding.confidence, explanation: finding.confidenceExplanation }
}

function assessmentColumns(assessment: CerqualAssessment) {
  const columns: Record<string, unknown> = {}
  for (const component of CERQUAL_COMPONENTS) {
    columns[CERQUAL_COLUMNS[component].concern] = assessment.components[component].concern
    columns[CERQUAL_COLUMNS[component].explanation] = assessment.components[component].explanation
  }
  return {
    ...columns,
    confidence: assessment.confidence,
    confidenceExplanation: assessment.explanation,
  } as Partial<CerqualFinding>
}

function checkBasis(tx: Executor, reviewId: number, input: FindingInput): string | null {
  if (input.basis === 'line_of_argument') return null
  if (input.thirdOrderId === null)
    throw new StoreConflictError('Choose the third-order construct the finding rests on.', 'thirdOrderId')
  return requireThirdOrder(tx, reviewId, input.thirdOrderId).label
}

export function addFinding(db: Executor, reviewId: number, input: FindingInput, actorId: number): CerqualFinding {
  return db.transaction((tx) => {
    const construct = checkBasis(tx, reviewId, input)
    const position = nextPosition(tx, cerqualFindings.position, eq(cerqualFindings.reviewId, reviewId))
    const finding = tx
      .insert(cerqualFindings)
      .values({
        reviewId,
        position,
        summary: input.summary,
        basis: input.basis,
        thirdOrderId: input.basis === 'third_order' ? input.thirdOrderId : null,
        createdBy: actorId,
        updatedBy: actorId,
      })
      .returning()
      .get()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'finding.added',
      entityType: 'cerqual_finding',
      entityId: finding.id,
      after: { summary: input.summary, basis: input.basis, thirdOrder: construct },
    })
    return finding
  })
}

/** Saves the finding's wording, basis and CERQual assessment together, as the form shows them. */
export function saveFinding(
  db: Executor,
  reviewId: number,
  findingId: number,
  input: FindingInput,
  assessment: CerqualAssessment,
  actorId: number,
  now: Date,
): void {
  db.transaction((tx) => {
    const before = requireFinding(tx, reviewId, findingId)
    checkBasis(tx, reviewId, input)
    const problems = assessmentProblems(assessment)
    const [field, message] = Object.entries(problems.errors)[0] ?? []
    if (field && message) throw new StoreConflictError(message, field)
    const after = {
      summary: input.summary,
      basis: input.basis,
      thirdOrderId: input.basis === 'third_order' ? input.thirdOrderId : null,
      ...assessmentColumns(assessment),
    }
    tx.update(cerqualFindings)
      .set({ ...after, updatedBy: actorId, updatedAt: now })
      .where(eq(cerqualFindings.id, findingId))
      .run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'finding.assessed',
      entityType: 'cerqual_finding',
      entityId: findingId,
      before: {
        summary: before.summary,
        basis: before.basis,
        thirdOrderId: before.thirdOrderId,
        ...assessmentColumns(assessmentOf(before)),
      },
      after,
    })
  })
}

export function deleteFinding(db: Executor, reviewId: number, findingId: number, actorId: number): void {
  db.transaction((tx) => {
    const before = requireFinding(tx, reviewId, findingId)
    tx.delete(cerqualFindings).where(eq(cerqualFindings.id, findingId)).run()
    recordAuditEvent(tx, {
      reviewId,
      actorId,
      action: 'finding.deleted',
      entityType: 'cerqual_finding',
      entityId: findingId,
      before: { ...before, createdAt: undefined, updatedAt: undefined },
    })
  })
}

/** What a finding's evidence is traced from: its third-order construct, or every node of the model. */
export function traceFinding(
  finding: CerqualFinding,
  snapshot: SynthesisSnapshot,
  modelThirdOrders: readonly number[],
): Trace {
  const roots =
    finding.basis === 'third_order' && finding.thirdOrderId !== null ? [finding.thirdOrderId] : modelThirdOrders
  return traceThirdOrders(linksOf(snapshot), roots)
}

/** The findings, numbered, with their contributing studies traced and in translation order. */
export function findingsForTables(db: Executor, reviewId: number, snapshot: SynthesisSnapshot): FindingForTable[] {
  const model = readLineOfArgument(db, reviewId).nodes.map((node) => node.thirdOrderId)
  return listFindings(db, reviewId).map((finding, index) => {
    const contributing = new Set(traceFinding(finding, snapshot, model).studyIds)
    return {
      number: index + 1,
      summary: finding.summary,
      contributingStudies: snapshot.studies
        .filter((study) => contributing.has(study.id))
        .map(({ id, label }) => ({ id, label })),
      assessment: assessmentOf(finding),
    }
  })
}
