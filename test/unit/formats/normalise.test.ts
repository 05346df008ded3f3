import { describe, expect, it } from 'vitest'
import {
  cleanMarkup,
  endnotePmid,
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

  it.each([
    ['10.1892/0891-6640(2002)016<0123:MRPUOP>2.3.CO;2', '10.1892/0891-6640(2002)016<0123:mrpuop>2.3.co;2'],
    [
      'https://doi.org/10.1892/0891-6640(2002)016%3C0123:MRPUOP%3E2.3.CO;2',
      '10.1892/0891-6640(2002)016<0123:mrpuop>2.3.co;2',
    ],
    ['10.1892/0891-6640(2002)016&lt;0123:MRPUOP&gt;2.3.CO;2', '10.1892/0891-6640(2002)016<0123:mrpuop>2.3.co;2'],
    [
      'doi:10.1002/(SICI)1097-4636(199706)35:4<417::AID-JBM1>3.0.CO;2-A.',
      '10.1002/(sici)1097-4636(199706)35:4<417::aid-jbm1>3.0.co;2-a',
    ],
  ])('keeps the angle brackets of a SICI DOI whole: %s', (input, expected) => {
    expect(normaliseDoi(input)).toBe(expected)
  })

  it('tells three SICI DOIs that differ only after "<" apart', () => {
    const dois = ['016<0123:A>2.3.CO;2', '016<0131:B>2.3.CO;2', '016<0139:C>2.3.CO;2'].map((end) =>
      normaliseDoi(`10.1892/0891-6640(2002)${end}`),
    )
    expect(new Set(dois).size).toBe(3)
  })

  it('stops at an angle bracket that does not belong to the DOI', () => {
    expect(normaliseDoi('<doi>10.1000/abc</doi>')).toBe('10.1000/abc')
    expect(normaliseDoi('see <https://doi.org/10.1000/xyz>')).toBe('10.1000/xyz')
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

  it('keeps a family name with a lower-case particle whole ("de Jeu, Richard A. M." is one author)', () => {
    expect(splitAuthors('de Jeu, Richard A. M.')).toEqual(['de Jeu, Richard A. M.'])
    expect(splitAuthors('van der Berg, Anna Maria')).toEqual(['van der Berg, Anna Maria'])
    expect(splitAuthors('Joseph Rottman, Erran Carmel, Mary Lacity')).toEqual([
      'Joseph Rottman',
      'Erran Carmel',
      'Mary Lacity',
    ])
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

describe('endnotePmid', () => {
  it('reads the accession number as a PMID only for a record from MEDLINE/PubMed', () => {
    expect(endnotePmid('MEDLINE Ovid', '31415926', null)).toBe('31415926')
    expect(endnotePmid('Embase Elsevier', '631415926', null)).toBeNull()
  })

  it('falls back to a "PMID: …" in the notes', () => {
    expect(endnotePmid('Embase', 'L631415926', 'Cited by 4. PMID: 27182818')).toBe('27182818')
    expect(endnotePmid('PubMed', 'not a number', 'PMID: 27182818')).toBe('27182818')
  })
})
