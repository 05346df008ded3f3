import { describe, expect, it } from 'vitest'
import { appraisalSummaryLine } from '../../../src/domain/appraisal/summary.ts'
import { CASP_QUALITATIVE } from '../../../src/domain/appraisal/tools.ts'

describe('the one-line appraisal summary the Evidence Profile cites', () => {
  it('counts the agreed answers in the tool’s order and adds the overall judgement', () => {
    const answers = Object.fromEntries(
      CASP_QUALITATIVE.items.map((item, index) => [
        item.code,
        { answer: index < 7 ? 'yes' : index < 9 ? 'cant_tell' : 'no', comment: '' },
      ]),
    )
    const line = appraisalSummaryLine(CASP_QUALITATIVE, {
      answers,
      overallJudgement: 'minor concerns',
      overallRationale: '',
    } as never)
    expect(line).toBe('CASP (consensus): 7 Yes, 2 Can’t tell, 1 No; overall: minor concerns')
  })
})
