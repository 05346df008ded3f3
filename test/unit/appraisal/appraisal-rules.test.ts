import { describe, expect, it } from 'vitest'
import {
  consensusStart,
  differingItems,
  itemsStillToAnswer,
  type AppraisalAnswers,
  type AppraisalSheet,
} from '../../../src/domain/appraisal/answers.ts'
import {
  appraiserPlace,
  bothFinished,
  mayRecordConsensus,
  mayReopen,
  visibleAppraisers,
} from '../../../src/domain/appraisal/blinding.ts'
import { countAnswers, countsLine, matrixRow } from '../../../src/domain/appraisal/matrix.ts'
import {
  CASP_QUALITATIVE,
  JBI_QUALITATIVE,
  type AppraisalAnswer,
  type AppraisalTool,
} from '../../../src/domain/appraisal/tools.ts'

/** A sheet answering every item of `tool` with `answer`, except the items given in `overrides`. */
function answered(
  tool: AppraisalTool,
  answer: AppraisalAnswer | null,
  overrides: Record<string, AppraisalAnswer | null> = {},
): AppraisalAnswers {
  return Object.fromEntries(
    tool.items.map((item) => [
      item.code,
      { answer: item.code in overrides ? overrides[item.code]! : answer, comment: '' },
    ]),
  )
}

function sheet(
  answers: AppraisalAnswers,
  overallJudgement: string | null = null,
  overallRationale = '',
): AppraisalSheet {
  return { answers, overallJudgement, overallRationale }
}

describe('the built-in tools', () => {
  it('give CASP ten questions answered Yes / Can’t tell / No, the first two as screening questions', () => {
    expect(CASP_QUALITATIVE.items).toHaveLength(10)
    expect(CASP_QUALITATIVE.answers).toEqual(['yes', 'cant_tell', 'no'])
    expect(CASP_QUALITATIVE.items.filter((item) => item.screening).map((item) => item.code)).toEqual(['q1', 'q2'])
  })

  it('give JBI ten items answered Yes / No / Unclear / Not applicable, none a screening question', () => {
    expect(JBI_QUALITATIVE.items).toHaveLength(10)
    expect(JBI_QUALITATIVE.answers).toEqual(['yes', 'no', 'unclear', 'not_applicable'])
    expect(JBI_QUALITATIVE.items.some((item) => item.screening)).toBe(false)
  })
})

describe('finishing a sheet', () => {
  it('needs every question answered', () => {
    const open = itemsStillToAnswer(CASP_QUALITATIVE, answered(CASP_QUALITATIVE, 'yes', { q4: null, q9: null }))
    expect(open.map((item) => item.code)).toEqual(['q4', 'q9'])
    expect(itemsStillToAnswer(CASP_QUALITATIVE, answered(CASP_QUALITATIVE, 'cant_tell'))).toEqual([])
  })

  it('lets the rest of CASP stay open once a screening question is answered No', () => {
    const answers = answered(CASP_QUALITATIVE, null, { q1: 'yes', q2: 'no' })
    expect(itemsStillToAnswer(CASP_QUALITATIVE, answers)).toEqual([])
  })

  it('still needs both screening questions when one is No', () => {
    const answers = answered(CASP_QUALITATIVE, null, { q1: 'no' })
    expect(itemsStillToAnswer(CASP_QUALITATIVE, answers).map((item) => item.code)).toEqual(['q2'])
  })

  it('does not treat Can’t tell on a screening question as a reason to stop', () => {
    const answers = answered(CASP_QUALITATIVE, null, { q1: 'cant_tell', q2: 'yes' })
    expect(itemsStillToAnswer(CASP_QUALITATIVE, answers)).toHaveLength(8)
  })

  it('has no screening exemption for JBI: a No on item 1 still needs the other nine', () => {
    const answers = answered(JBI_QUALITATIVE, null, { q1: 'no' })
    expect(itemsStillToAnswer(JBI_QUALITATIVE, answers)).toHaveLength(9)
  })
})

describe('discrepancies between two appraisers', () => {
  it('are the items answered differently, comments aside', () => {
    const first = answered(CASP_QUALITATIVE, 'yes', { q6: 'cant_tell' })
    const second = answered(CASP_QUALITATIVE, 'yes', { q6: 'no', q8: 'no' })
    second['q3'] = { answer: 'yes', comment: 'different words, same answer' }
    expect(differingItems(CASP_QUALITATIVE, first, second)).toEqual(['q6', 'q8'])
  })

  it('count an item one appraiser left open (after a screening No) as differing', () => {
    const first = answered(CASP_QUALITATIVE, null, { q1: 'yes', q2: 'no' })
    const second = answered(CASP_QUALITATIVE, 'yes', { q2: 'no' })
    expect(differingItems(CASP_QUALITATIVE, first, second)).toEqual(['q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'])
  })
})

describe('where a consensus starts', () => {
  it('keeps agreed answers, leaves differing items blank and keeps both comments', () => {
    const first = sheet(answered(CASP_QUALITATIVE, 'yes', { q6: 'cant_tell' }), 'High', 'Rich data.')
    const second = sheet(answered(CASP_QUALITATIVE, 'yes', { q6: 'no' }), 'Moderate', 'Thin reflexivity.')
    first.answers['q6']!.comment = 'Reflexivity is mentioned once.'
    second.answers['q6']!.comment = 'No reflexivity section.'
    const start = consensusStart(CASP_QUALITATIVE, first, second)
    expect(start.answers['q1']).toEqual({ answer: 'yes', comment: '' })
    expect(start.answers['q6']).toEqual({
      answer: null,
      comment: 'Reflexivity is mentioned once.\nNo reflexivity section.',
    })
    expect(start.overallJudgement).toBeNull()
    expect(start.overallRationale).toBe('Rich data.\nThin reflexivity.')
    expect(itemsStillToAnswer(CASP_QUALITATIVE, start.answers).map((item) => item.code)).toEqual(['q6'])
  })

  it('keeps a shared judgement and a comment both wrote only once', () => {
    const first = sheet(answered(JBI_QUALITATIVE, 'yes'), 'High', 'Same.')
    const second = sheet(answered(JBI_QUALITATIVE, 'yes'), 'High', 'Same.')
    first.answers['q2']!.comment = 'Clear.'
    second.answers['q2']!.comment = ' Clear. '
    const start = consensusStart(JBI_QUALITATIVE, first, second)
    expect(start.overallJudgement).toBe('High')
    expect(start.overallRationale).toBe('Same.')
    expect(start.answers['q2']!.comment).toBe('Clear.')
  })
})

describe('blind, independent appraisal', () => {
  const A = 1
  const B = 2
  const owner = 3

  it('shows each appraiser only their own sheet until both have finished', () => {
    const oneDone = [
      { appraiserId: A, finished: true },
      { appraiserId: B, finished: false },
    ]
    expect(visibleAppraisers(oneDone, A)).toEqual([A])
    expect(visibleAppraisers(oneDone, B)).toEqual([B])
    expect(bothFinished(oneDone)).toBe(false)
  })

  it('shows nobody else’s answers early, owners included', () => {
    expect(visibleAppraisers([{ appraiserId: A, finished: true }], owner)).toEqual([])
  })

  it('shows both sheets to everyone once both are finished', () => {
    const done = [
      { appraiserId: A, finished: true },
      { appraiserId: B, finished: true },
    ]
    expect(visibleAppraisers(done, owner)).toEqual([A, B])
    expect(bothFinished(done)).toBe(true)
  })

  it('needs two finished sheets, not one finished sheet alone', () => {
    expect(bothFinished([{ appraiserId: A, finished: true }])).toBe(false)
  })

  it('takes two appraisers per study and refuses a third', () => {
    const two = [
      { appraiserId: A, finished: false },
      { appraiserId: B, finished: false },
    ]
    expect(appraiserPlace([], A)).toBe('open')
    expect(appraiserPlace(two, A)).toBe('own')
    expect(appraiserPlace(two, owner)).toBe('taken')
  })

  it('lets an appraiser reopen a finished sheet only before the other finishes', () => {
    expect(
      mayReopen(
        [
          { appraiserId: A, finished: true },
          { appraiserId: B, finished: false },
        ],
        A,
      ),
    ).toBe(true)
    expect(
      mayReopen(
        [
          { appraiserId: A, finished: true },
          { appraiserId: B, finished: true },
        ],
        A,
      ),
    ).toBe(false)
    expect(mayReopen([{ appraiserId: A, finished: false }], A)).toBe(false)
  })

  it('lets either appraiser or an owner record the consensus, and only after both finished', () => {
    const done = [
      { appraiserId: A, finished: true },
      { appraiserId: B, finished: true },
    ]
    expect(mayRecordConsensus(done, A, false)).toBe(true)
    expect(mayRecordConsensus(done, owner, true)).toBe(true)
    expect(mayRecordConsensus(done, 4, false)).toBe(false)
    expect(
      mayRecordConsensus(
        [
          { appraiserId: A, finished: true },
          { appraiserId: B, finished: false },
        ],
        owner,
        true,
      ),
    ).toBe(false)
  })
})

describe('the appraisal summary', () => {
  it('marks a study’s row Y / ? / N and leaves an open item blank', () => {
    const answers = answered(CASP_QUALITATIVE, 'yes', { q2: 'cant_tell', q3: 'no', q10: null })
    expect(matrixRow(CASP_QUALITATIVE, answers)).toEqual(['Y', '?', 'N', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', ''])
  })

  it('counts the answers per item across studies', () => {
    const sheets = [
      answered(CASP_QUALITATIVE, 'yes'),
      answered(CASP_QUALITATIVE, 'yes', { q6: 'cant_tell' }),
      answered(CASP_QUALITATIVE, 'yes', { q6: 'no', q10: null }),
    ]
    const counts = countAnswers(CASP_QUALITATIVE, sheets)
    expect(counts['q1']).toEqual({ yes: 3 })
    expect(counts['q6']).toEqual({ yes: 1, cant_tell: 1, no: 1 })
    expect(counts['q10']).toEqual({ yes: 2 })
    expect(countsLine(CASP_QUALITATIVE, counts['q6']!)).toBe('Y 1 · ? 1 · N 1')
    expect(countsLine(JBI_QUALITATIVE, {})).toBe('Y 0 · N 0 · U 0 · NA 0')
  })
})
