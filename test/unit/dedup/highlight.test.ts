import { describe, expect, it } from 'vitest'
import { hasDifferences, highlightDifferences, type Segment } from '../../../src/domain/dedup/highlight.ts'

const marked = (segments: Segment[] | null) => (segments ?? []).filter((s) => s.differs).map((s) => s.text)
const joined = (segments: Segment[] | null) => (segments ?? []).map((s) => s.text).join('')

describe('highlightDifferences', () => {
  it('marks the words one title has and the other lacks', () => {
    const result = highlightDifferences('Erratum: Link workers in primary care', 'Link workers in primary care')
    expect(marked(result.a)).toEqual(['Erratum'])
    expect(marked(result.b)).toEqual([])
    expect(result.a).toEqual([
      { text: 'Erratum', differs: true },
      { text: ': Link workers in primary care', differs: false },
    ])
  })

  it('keeps every character of both values, in order', () => {
    const a = 'Social prescribing: a <b>scoping</b> review (2019)'
    const b = 'Social-prescribing — a realist review, 2020!'
    const result = highlightDifferences(a, b)
    expect(joined(result.a)).toBe(a)
    expect(joined(result.b)).toBe(b)
  })

  it('joins neighbouring differing words with the spaces between them into one highlight', () => {
    const result = highlightDifferences(
      'A qualitative study of link workers',
      'A published erratum study of link workers',
    )
    expect(marked(result.a)).toEqual(['qualitative'])
    expect(marked(result.b)).toEqual(['published erratum'])
  })

  it('ignores case and accents, so a DOI in capitals is not a difference', () => {
    expect(hasDifferences(highlightDifferences('10.1111/HSC.13001', '10.1111/hsc.13001'))).toBe(false)
    expect(hasDifferences(highlightDifferences('Métis communities', 'Metis communities'))).toBe(false)
    expect(marked(highlightDifferences('10.1111/hsc.13001', '10.1111/hsc.13002').a)).toEqual(['13001'])
  })

  it('counts repeated words: a word written twice here and once there is marked the second time', () => {
    const result = highlightDifferences('care and care', 'care')
    expect(result.a).toEqual([
      { text: 'care ', differs: false },
      { text: 'and care', differs: true },
    ])
  })

  it('does not mark punctuation alone', () => {
    const result = highlightDifferences('Smith, J.; Jones, K.', 'Smith J; Jones K')
    expect(hasDifferences(result)).toBe(false)
  })

  it('returns a missing value as null and the other unmarked', () => {
    expect(highlightDifferences(null, '12')).toEqual({ a: null, b: [{ text: '12', differs: false }] })
    expect(highlightDifferences('  ', null)).toEqual({ a: null, b: null })
  })

  it('returns text, never markup: angle brackets stay in the segment text for the view to escape', () => {
    const result = highlightDifferences('<script>alert(1)</script> Title', 'Title')
    expect(joined(result.a)).toBe('<script>alert(1)</script> Title')
    expect(marked(result.a)).toEqual(['script>alert(1)</script'])
  })
})
