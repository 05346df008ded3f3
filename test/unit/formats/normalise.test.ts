import { describe, expect, it } from 'vitest'
import {
  cleanMarkup,
  normaliseDoi,
  normalisePmid,
  pagesFrom,
  splitAuthors,
  yearFrom,
} from '../../../src/domain/formats/normalise.ts'

describe('normaliseDoi', () => {
  it.each([
    ['https://doi.org/10.1000/ABC.123', '10.1000/abc.123'],
    ['http://dx.doi.org/10.1002/cpp.2398', '10.1002/cpp.2398'],
    ['doi:10.1111/HSC.13001.', '10.1111/hsc.13001'],
    ['DOI: 10.3399/bjgp20x707921 [doi]', '10.3399/bjgp20x707921'],
    ['https://doi.org/10.1002%2Fcpp.2398', '10.1002/cpp.2398'],
    ['not a doi', null],
  ])('strips prefixes and lower-cases %s', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected)
  })
})

describe('yearFrom', () => {
  it.each([
    ['2019/05/03', 2019],
    ['2019 May', 2019],
    ['Published 2019', 2019],
    ['May-Jun 2006', 2006],
    ['2021//', 2021],
    ['n.d.', null],
  ])('finds the year in %s', (input, expected) => {
    expect(yearFrom(input)).toBe(expected)
  })
})

describe('field normalisers', () => {
  it('keeps abbreviated page ranges as written', () => {
    expect(pagesFrom('123', '30')).toBe('123-30')
    expect(pagesFrom(' 45-52 ', '52')).toBe('45-52')
    expect(pagesFrom(null, null)).toBeNull()
  })

  it('splits authors on semicolons but not a single family-first name', () => {
    expect(splitAuthors('Smith, Jane; Doe, John')).toEqual(['Smith, Jane', 'Doe, John'])
    expect(splitAuthors('Curry Rogers, Kristina')).toEqual(['Curry Rogers, Kristina'])
    expect(splitAuthors("Griffin DK, Larkin DM, O'Connor RE.")).toEqual(['Griffin DK', 'Larkin DM', "O'Connor RE."])
    expect(splitAuthors('Fawcett, M.J. and Lautenschlager, S.')).toEqual(['Fawcett, M.J.', 'Lautenschlager, S.'])
  })

  it('reads PMIDs only when they are one', () => {
    expect(normalisePmid('PMID: 31502314')).toBe('31502314')
    expect(normalisePmid('L2011452345')).toBeNull()
    expect(normalisePmid('https://pubmed.ncbi.nlm.nih.gov/33558329')).toBe('33558329')
    expect(normalisePmid('0')).toBeNull()
  })

  it('decodes HTML entities and collapses whitespace', () => {
    expect(cleanMarkup('  Link&amp;workers &#8211;\n  a&nbsp;study ')).toBe('Link&workers – a study')
  })
})
