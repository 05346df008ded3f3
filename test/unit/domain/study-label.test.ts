import { describe, expect, it } from 'vitest'
import { distinctLabel, studyLabel, surnameOf } from '../../../src/domain/study-label.ts'

describe('default study labels', () => {
  it.each([
    ['Moffatt, Suzanne', 'Moffatt'],
    ['Moffatt S', 'Moffatt'],
    ['Van der Berg JA', 'Van der Berg'],
    ['Suzanne Moffatt', 'Moffatt'],
    ['NHS England', 'England'],
    ['Plato', 'Plato'],
  ])('reads the surname of “%s” as %s', (author, surname) => {
    expect(surnameOf(author)).toBe(surname)
  })

  it('names a study after its first author and year', () => {
    expect(studyLabel(['Moffatt, Suzanne', 'Steer, M.'], 2017, 12)).toBe('Moffatt 2017')
  })

  it('says n.d. without a year and names the record without an author', () => {
    expect(studyLabel(['Moffatt S'], null, 12)).toBe('Moffatt n.d.')
    expect(studyLabel([], 2019, 12)).toBe('Record 12 (2019)')
  })

  it('adds the first free letter when the review already has a study so named', () => {
    expect(distinctLabel('Moffatt 2017', new Set())).toBe('Moffatt 2017')
    expect(distinctLabel('Moffatt 2017', new Set(['Moffatt 2017']))).toBe('Moffatt 2017b')
    expect(distinctLabel('Moffatt 2017', new Set(['Moffatt 2017', 'Moffatt 2017b']))).toBe('Moffatt 2017c')
  })
})
