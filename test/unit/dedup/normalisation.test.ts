import { describe, expect, it } from 'vitest'
import { foldText } from '../../../src/domain/dedup/fold-text.ts'
import { doiRelation } from '../../../src/domain/dedup/doi-relation.ts'
import { matchKeys, normaliseDoi, readAuthor, titleWords } from '../../../src/domain/dedup/match-keys.ts'
import { publicationKind } from '../../../src/domain/dedup/publication-kind.ts'
import { citation } from './helpers/records.ts'

describe('foldText', () => {
  it('lower-cases and drops punctuation, markup, entities and accents', () => {
    expect(foldText('Link&nbsp;workers&#8217; <i>Views</i>: Zürich, São Paulo &amp; Łódź!')).toBe(
      'link workers views zurich sao paulo lodz',
    )
  })

  it('spells out Greek letters the way other databases write them', () => {
    expect(foldText('TNF-α and IL-1β')).toBe(foldText('TNF-alpha and IL-1beta'))
  })

  it('keeps letters of other scripts', () => {
    const folded = foldText('ЗАЙНЯТІСТЬ І МОТИВАЦІЯ')
    expect(folded).toMatch(/^[\p{Script=Cyrillic} ]+$/u)
    expect(folded).toBe(foldText('зайнятість і мотивація'))
  })
})

describe('titleWords', () => {
  it('drops the notes databases append to titles', () => {
    expect(titleWords('[Social prescribing in general practice]. [German]')).toEqual(
      titleWords('Social prescribing in general practice'),
    )
    expect(titleWords('Robot-assisted gait training.[Erratum appears in Exp Brain Res. 2010;202(4):1]')).toEqual([
      'robot',
      'assisted',
      'gait',
      'training',
    ])
  })
})

describe('readAuthor', () => {
  it.each([
    ['Okafor, Chidi', 'okafor', 'c'],
    ['Okafor C', 'okafor', 'c'],
    ['Okafor CA', 'okafor', 'c'],
    ['Chidi Okafor', 'okafor', 'c'],
    ["O'Brien, N.", 'obrien', 'n'],
    ['Le Quintrec, M.', 'lequintrec', 'm'],
  ])('reads %s as family %s, initial %s', (name, family, initial) => {
    expect(readAuthor(name)).toMatchObject({ family, initial })
  })
})

describe('normaliseDoi', () => {
  it('strips resolver prefixes and case', () => {
    expect(normaliseDoi('https://dx.doi.org/10.1000/ABC.123.')).toBe('10.1000/abc.123')
    expect(normaliseDoi('doi: 10.1000/abc.123')).toBe('10.1000/abc.123')
  })

  it('refuses values that are not DOIs', () => {
    expect(normaliseDoi('not available')).toBeNull()
  })
})

describe('doiRelation', () => {
  it('relates versions, parts and preprints, and separates unrelated DOIs', () => {
    expect(doiRelation('10.1002/14651858.cd002273.pub2', '10.1002/14651858.cd002273.pub3')).toBe('related')
    expect(doiRelation('10.1371/journal.pone.0123456', '10.1371/journal.pone.0123456.t001')).toBe('related')
    expect(doiRelation('10.1101/2020.11.02.20224321', '10.1000/weft.1')).toBe('related')
    expect(doiRelation('10.1000/weft.1', '10.1000/weft.2')).toBe('different')
    expect(doiRelation('10.1000/weft.1', '10.1000/weft.1')).toBe('same')
    expect(doiRelation(null, '10.1000/weft.1')).toBeNull()
  })
})

describe('matchKeys', () => {
  it('reads first and last page, expanding abbreviated ranges', () => {
    expect(matchKeys(citation(1, { pages: '1223-9' }))).toMatchObject({ firstPage: '1223', lastPage: '1229' })
    expect(matchKeys(citation(1, { pages: 'e0123456' }))).toMatchObject({ firstPage: '123456', lastPage: null })
    expect(matchKeys(citation(1, { pages: 'c37-c42' }))).toMatchObject({ firstPage: '37', lastPage: '42' })
  })

  it('treats placeholder and generic titles as uninformative', () => {
    expect(matchKeys(citation(1, { title: 'UNKNOWN' })).titleUninformative).toBe(true)
    expect(matchKeys(citation(1, { title: 'Book review' })).titleUninformative).toBe(true)
    expect(matchKeys(citation(1, { title: 'Link workers and loneliness' })).titleUninformative).toBe(false)
  })
})

describe('publicationKind', () => {
  it.each([
    ['Erratum: Link workers in primary care', null, 'erratum'],
    ['Correction to: Link workers in primary care', null, 'erratum'],
    ['Link workers in primary care', 'Published Erratum', 'erratum'],
    ['Retraction notice to "Link workers in primary care"', null, 'retraction'],
    ['RETRACTED: Link workers in primary care', null, 'retraction'],
    ['Link workers in primary care - Reply', null, 'comment'],
    ['Comment on: Link workers in primary care', null, 'comment'],
    ['Link workers in primary care.[Erratum appears in BMJ 2020;1:2]', null, 'article'],
    ['Correctional facilities and social prescribing', null, 'article'],
    ['Link workers in primary care (vol 71, pg 512, 2021)', null, 'erratum'],
    ['Link workers in primary care (British Journal of General Practice (2021) 71 (512-520))', null, 'erratum'],
    ['"Link workers in primary care": Correction to Hartley et al. (2021).', null, 'erratum'],
    ['Link workers in primary care (phase 2) for older people (2021)', null, 'article'],
  ])('reads %s (%s) as %s', (title, type, kind) => {
    expect(publicationKind(title, type)).toBe(kind)
  })
})
