import { describe, expect, it } from 'vitest'
import { orderStudies, studyYear, type StudyForOrder } from '../../../src/domain/synthesis/translation-order.ts'

const STUDIES: StudyForOrder[] = [
  { id: 1, label: 'Pollard 2023', year: 2023 },
  { id: 2, label: 'Frostick 2019', year: 2019 },
  { id: 3, label: 'Unpublished thesis', year: null },
  { id: 4, label: 'Griffith 2023', year: 2023 },
]
const ids = (studies: StudyForOrder[]) => studies.map((study) => study.id)

describe('translation order', () => {
  it('translates chronologically, earliest first, same-year studies by label, undated last', () => {
    expect(ids(orderStudies(STUDIES, { kind: 'chronological', indexStudyId: null, positions: new Map() }))).toEqual([
      2, 4, 1, 3,
    ])
  })

  it('starts from the index study and follows chronologically', () => {
    expect(ids(orderStudies(STUDIES, { kind: 'index_study', indexStudyId: 1, positions: new Map() }))).toEqual([
      1, 2, 4, 3,
    ])
  })

  it('follows a custom order, with studies given no place after the others', () => {
    const positions = new Map([
      [3, 0],
      [1, 1],
    ])
    expect(ids(orderStudies(STUDIES, { kind: 'custom', indexStudyId: null, positions }))).toEqual([3, 1, 2, 4])
  })

  it('dates a study by its earliest report, else by a year in its label', () => {
    expect(studyYear('Moffatt 2017', [2018, 2016])).toBe(2016)
    expect(studyYear('Moffatt 2017', [null])).toBe(2017)
    expect(studyYear('Deep End links', [])).toBeNull()
  })
})
