import { describe, expect, it } from 'vitest'
import { foldText } from '../../../src/domain/dedup/fold-text.ts'
import { doiRelation } from '../../../src/domain/dedup/doi-relation.ts'
import { journalLikeness } from '../../../src/domain/dedup/field-likeness.ts'
import { matchKeys, normaliseDoi, readAuthor, titleWords } from '../../../src/domain/dedup/match-keys.ts'
import { publicationKind } from '../../../src/domain/dedup/publication-kind.ts'
import { wadeGilesToPinyin } from '../../../src/domain/dedup/wade-giles.ts'
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

  it("keeps MEDLINE's bracketed translated title, however short, and drops the language note after it", () => {
    expect(titleWords('[Hemophilia and pregnancy]. [Japanese]')).toEqual(['hemophilia', 'and', 'pregnancy'])
    expect(titleWords('[Thrombophilia].')).toEqual(['thrombophilia'])
    const quoted = matchKeys(citation(1, { title: '"[A new paracentesis needle for ascites and pleural effusion]"' }))
    expect(quoted).toMatchObject({
      titleTranslated: true,
      titleWords: titleWords('A new paracentesis needle for ascites and pleural effusion'),
    })
    expect(titleWords('[Erratum appears in Stroke 2010;41:e1] Robot-assisted gait training')).toEqual(
      titleWords('Robot-assisted gait training'),
    )
  })
})

describe('journal names', () => {
  const journal = (name: string) => matchKeys(citation(1, { journal: name }))
  const likeness = (a: string, b: string) => journalLikeness(journal(a), journal(b))

  it.each([
    ['Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih', 'zhong hua jie he he hu xi za zhi'],
    ["Chung-hua nei k'o tsa chih", 'zhong hua nei ke za zhi'],
    ['Chung-Kuo Chung Hsi I Chieh Ho Tsa Chih', 'zhong guo zhong xi yi jie he za zhi'],
    ['Chung-Hua Liu Hsing Ping Hsueh Tsa Chih', 'zhong hua liu xing bing xue za zhi'],
    ['Pei-ching Ta Hsueh Hsueh Pao', 'bei jing da xue xue bao'],
    ["Ssu-ch'uan I Hsueh Yuan Hsueh Pao", 'si chuan yi xue yuan xue bao'],
  ])('reads the Wade-Giles name %s as %s in pinyin', (wade, pinyin) => {
    expect(wadeGilesToPinyin(wade)).toBe(pinyin)
  })

  it('does not read pinyin or English names as Wade-Giles', () => {
    expect(wadeGilesToPinyin('Zhonghua jie he he hu xi za zhi')).toBeNull()
    expect(wadeGilesToPinyin('Lung')).toBeNull()
    expect(wadeGilesToPinyin('Journal of Thoracic Oncology')).toBeNull()
  })

  it('agrees a Chinese journal named in Wade-Giles, with or without apostrophes, with its pinyin name', () => {
    expect(likeness('Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih', 'Zhonghua jie he he hu xi za zhi')).toBe(1)
    expect(likeness('Chung-Hua Nei Ko Tsa Chih', 'Zhonghua Nei Ke Za Zhi')).toBe(1)
    expect(likeness('Chung-Kuo Hsiu Fu Chung Chien Wai Ko Tsa Chih', 'Zhongguo xiu fu chong jian wai ke za zhi')).toBe(
      1,
    )
  })

  it('reads the Wade-Giles name that Embase runs an English name on after', () => {
    const embase = 'Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih Chinese Journal of Tuberculosis & Respiratory Diseases'
    expect(likeness(embase, 'Zhonghua jie he he hu xi za zhi')).toBe(1)
    const slashed =
      'Chung-Kuo Hsiu Fu Chung Chien Wai Ko Tsa Chih/Chinese Journal of Reparative & Reconstructive Surgery'
    expect(likeness(slashed, 'Chinese journal of reparative and reconstructive surgery')).toBe(1)
  })

  it('reads French, Spanish and Portuguese articles as stop words, so abbreviations match', () => {
    expect(
      likeness('Ann Fr Anesth Reanim', "Annales Francaises d'Anesthesie et de Reanimation"),
    ).toBeGreaterThanOrEqual(0.9)
    expect(likeness('Arch Argent Pediatr', 'Archivos Argentinos de Pediatria')).toBeGreaterThanOrEqual(0.9)
    // A letter at the end names a section, a journal of its own.
    expect(likeness('Physical Review D', 'Physical Review E')).toBeLessThan(1)
    // "N/A" is a placeholder, not two names.
    expect(likeness('N/A', 'N Engl J Med')).toBeLessThan(0.8)
  })

  it('keeps two Chinese journals apart whatever their romanisation', () => {
    expect(likeness('Chung-Hua Wai Ko Tsa Chih', 'Zhonghua nei ke za zhi')).toBeLessThan(0.8)
    expect(likeness('Chung-Hua Shen Ching Ko Tsa Chih', 'Zhonghua Nei Ke Za Zhi')).toBeLessThan(0.8)
  })

  it('reads MEDLINE\'s other names after " = " and a translation in square brackets as names of the journal', () => {
    const medline =
      'Zhonghua jie he he hu xi za zhi = Zhonghua jiehe he huxi zazhi = Chinese journal of tuberculosis and respiratory diseases'
    expect(likeness(medline, 'Chinese Journal of Tuberculosis and Respiratory Diseases')).toBe(1)
    expect(likeness(medline, 'Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih')).toBe(1)
    expect(
      likeness('Zhongguo zhen jiu [Chinese acupuncture & moxibustion]', 'Chinese Acupuncture and Moxibustion'),
    ).toBe(1)
    expect(
      likeness(
        'Journal of Clinical Nursing [electronic resource]',
        'Journal of Advanced Nursing [electronic resource]',
      ),
    ).toBeLessThan(0.9)
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
