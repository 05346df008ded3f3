import { describe, expect, it } from 'vitest'
import { UNASSESSED, type CerqualAssessment } from '../../../src/domain/cerqual/assessment.ts'
import { evidenceProfile, soqfTable, type FindingForTable } from '../../../src/domain/cerqual/tables.ts'

const ASSESSED: CerqualAssessment = {
  components: {
    methodological_limitations: { concern: 'minor', explanation: 'Two studies did not report reflexivity.' },
    coherence: { concern: 'none', explanation: 'Consistent across studies.' },
    adequacy: { concern: 'moderate', explanation: 'Thin data in three studies.' },
    relevance: { concern: 'none', explanation: 'All UK primary care.' },
  },
  confidence: 'moderate',
  explanation: 'Rated down for adequacy.',
}

const FINDINGS: FindingForTable[] = [
  {
    number: 1,
    summary: 'Link workers hold more than the role was designed for.',
    contributingStudies: [
      { id: 1, label: 'Frostick 2019' },
      { id: 2, label: 'Griffith 2023' },
    ],
    assessment: ASSESSED,
  },
  { number: 2, summary: 'A finding not yet assessed.', contributingStudies: [], assessment: UNASSESSED },
]

describe('CERQual tables', () => {
  it('SoQF: number, finding, contributing studies, confidence and its explanation', () => {
    const table = soqfTable(FINDINGS)
    expect(table.columns).toEqual([
      '#',
      'Summary of review finding',
      'Studies contributing to the review finding',
      'CERQual assessment of confidence in the evidence',
      'Explanation of CERQual assessment',
    ])
    expect(table.rows[0]).toEqual([
      '1',
      FINDINGS[0]!.summary,
      'Frostick 2019; Griffith 2023',
      'Moderate confidence',
      'Rated down for adequacy.',
    ])
    expect(table.rows[1]!.slice(2, 4)).toEqual(['No studies linked yet', 'Not yet assessed'])
  })

  it('Evidence Profile: each component’s level of concern with its explanation', () => {
    const row = evidenceProfile(FINDINGS, new Map()).rows[0]!
    expect(row.slice(3, 7)).toEqual([
      'Minor concerns: Two studies did not report reflexivity.',
      'No or very minor concerns: Consistent across studies.',
      'Moderate concerns: Thin data in three studies.',
      'No or very minor concerns: All UK primary care.',
    ])
  })

  it('adds contributing studies’ appraisal summaries to methodological limitations, and only theirs', () => {
    const appraisals = new Map([
      [2, 'CASP: minor concerns'],
      [9, 'CASP: serious concerns'],
    ])
    expect(evidenceProfile(FINDINGS, appraisals).rows[0]![3]).toBe(
      'Minor concerns: Two studies did not report reflexivity.\nGriffith 2023: CASP: minor concerns',
    )
  })
})
