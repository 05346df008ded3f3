/**
 * The two GRADE-CERQual tables (METHOD.md §5.4): the Summary of Qualitative Findings table and the
 * Evidence Profile. The "studies contributing" column is always the set the links reach (traceability.ts);
 * the methodological-limitations column adds each contributing study's appraisal summary when one exists.
 */
import type { SimpleTable } from '../synthesis/simple-table.ts'
import type { CerqualAssessment } from './assessment.ts'
import {
  CERQUAL_COMPONENTS,
  CONCERN_LEVEL_LABELS,
  CONFIDENCE_LEVEL_LABELS,
  type CerqualComponent,
} from './vocabulary.ts'

export interface FindingForTable {
  /** 1-based, as the table numbers it. */
  number: number
  summary: string
  /** In translation order. */
  contributingStudies: { id: number; label: string }[]
  assessment: CerqualAssessment
}

/** Appraisal summaries per study id (e.g. "CASP: minor concerns"), from the appraisal stage. */
export type AppraisalSummaries = ReadonlyMap<number, string>

const NOT_ASSESSED = 'Not yet assessed'

export function studiesCell(finding: FindingForTable): string {
  return finding.contributingStudies.length === 0
    ? 'No studies linked yet'
    : finding.contributingStudies.map((study) => study.label).join('; ')
}

export function confidenceCell(assessment: CerqualAssessment): string {
  return assessment.confidence ? CONFIDENCE_LEVEL_LABELS[assessment.confidence] : NOT_ASSESSED
}

export function componentCell(
  assessment: CerqualAssessment,
  component: CerqualComponent,
  extra: readonly string[] = [],
): string {
  const judgement = assessment.components[component]
  const head = judgement.concern
    ? `${CONCERN_LEVEL_LABELS[judgement.concern]}${judgement.explanation ? `: ${judgement.explanation}` : ''}`
    : NOT_ASSESSED
  return [head, ...extra].join('\n')
}

export function soqfTable(findings: readonly FindingForTable[]): SimpleTable {
  return {
    title: 'Summary of Qualitative Findings',
    columns: [
      '#',
      'Summary of review finding',
      'Studies contributing to the review finding',
      'CERQual assessment of confidence in the evidence',
      'Explanation of CERQual assessment',
    ],
    rows: findings.map((finding) => [
      String(finding.number),
      finding.summary,
      studiesCell(finding),
      confidenceCell(finding.assessment),
      finding.assessment.explanation,
    ]),
  }
}

/** Appraisal lines for the contributing studies that have one ("Moffatt 2017 — CASP: …"). */
export function appraisalLines(finding: FindingForTable, appraisals: AppraisalSummaries): string[] {
  return finding.contributingStudies.flatMap((study) => {
    const summary = appraisals.get(study.id)
    return summary ? [`${study.label}: ${summary}`] : []
  })
}

export function evidenceProfile(findings: readonly FindingForTable[], appraisals: AppraisalSummaries): SimpleTable {
  return {
    title: 'CERQual Evidence Profile',
    columns: [
      '#',
      'Summary of review finding',
      'Studies contributing to the review finding',
      'Methodological limitations',
      'Coherence',
      'Adequacy',
      'Relevance',
      'CERQual assessment of confidence',
      'Explanation of CERQual assessment',
    ],
    rows: findings.map((finding) => [
      String(finding.number),
      finding.summary,
      studiesCell(finding),
      ...CERQUAL_COMPONENTS.map((component) =>
        componentCell(
          finding.assessment,
          component,
          component === 'methodological_limitations' ? appraisalLines(finding, appraisals) : [],
        ),
      ),
      confidenceCell(finding.assessment),
      finding.assessment.explanation,
    ]),
  }
}
