import { describe, expect, it } from 'vitest'
import {
  compileHighlighter,
  highlightTerms,
  MAX_TERM_LENGTH,
  MAX_TERMS,
  parseTermList,
  type HighlightSegment,
} from '../../src/domain/screening/highlight.ts'

const marks = (segments: HighlightSegment[]) =>
  segments.filter((s) => s.kind !== 'plain').map((s) => `${s.kind}:${s.text}`)
const joined = (segments: HighlightSegment[]) => segments.map((s) => s.text).join('')

describe('highlightTerms', () => {
  it('marks whole words that start with a term, ignoring case', () => {
    const text = 'Prescribers and social prescribing: a review of PRESCRIBED care'
    expect(marks(highlightTerms(text, { include: ['prescrib'], exclude: [] }))).toEqual([
      'include:Prescribers',
      'include:prescribing',
      'include:PRESCRIBED',
    ])
  })

  it('does not match inside a word', () => {
    // "scrib" starts no word here: "prescribing" starts with "pre".
    expect(marks(highlightTerms('social prescribing', { include: ['scrib'], exclude: [] }))).toEqual([])
  })

  it('gives include and exclude terms differently kinded segments and keeps every character in order', () => {
    const text = 'Link workers in primary care: a randomised controlled trial.'
    const segments = highlightTerms(text, { include: ['link worker'], exclude: ['randomi', 'trial'] })
    expect(segments).toEqual([
      { text: 'Link workers', kind: 'include' },
      { text: ' in primary care: a ', kind: 'plain' },
      { text: 'randomised', kind: 'exclude' },
      { text: ' controlled ', kind: 'plain' },
      { text: 'trial', kind: 'exclude' },
      { text: '.', kind: 'plain' },
    ])
    expect(joined(segments)).toBe(text)
  })

  it('lets spaces and hyphens in a term match any run of spaces and hyphens', () => {
    const text = 'link-worker, Link  Workers and link – workers'
    expect(marks(highlightTerms(text, { include: ['link worker'], exclude: [] }))).toEqual([
      'include:link-worker',
      'include:Link  Workers',
      'include:link – workers',
    ])
    expect(marks(highlightTerms('a link worker', { include: ['link-worker'], exclude: [] }))).toEqual([
      'include:link worker',
    ])
  })

  it('treats a trailing * as the prefix it already is', () => {
    expect(highlightTerms('Prescribing', { include: ['prescrib*'], exclude: [] })).toEqual([
      { text: 'Prescribing', kind: 'include' },
    ])
  })

  it('handles accented letters as letters, and ignores accents when matching', () => {
    const text = 'Zoë described a naïve approach; Zoe and naive too; Ångström'
    const segments = highlightTerms(text, { include: ['zoe', 'naïve'], exclude: ['angstrom'] })
    expect(marks(segments)).toEqual([
      'include:Zoë',
      'include:naïve',
      'include:Zoe',
      'include:naive',
      'exclude:Ångström',
    ])
    expect(joined(segments)).toBe(text)
  })

  it('counts an accent written as a combining mark as part of the word', () => {
    const text = 'Zoe\u0308 said'
    expect(highlightTerms(text, { include: ['zoe'], exclude: [] })[0]).toEqual({ text: 'Zoe\u0308', kind: 'include' })
  })

  it('does not start a match after an accented letter, which is part of the word', () => {
    // "ëcare" has no word start at "care".
    expect(marks(highlightTerms('ëcare', { include: ['care'], exclude: [] }))).toEqual([])
  })

  it('prefers the longest term where two start at the same place, and the earliest where they overlap', () => {
    const terms = { include: ['care'], exclude: ['care home', 'home visit'] }
    expect(marks(highlightTerms('care homes and care', terms))).toEqual(['exclude:care homes', 'include:care'])
    // "care home" starts before "home visit" and wins; "visit" is then left alone.
    expect(marks(highlightTerms('care home visit', terms))).toEqual(['exclude:care home'])
  })

  it('counts a term on both lists as an include term', () => {
    expect(marks(highlightTerms('Children', { include: ['child'], exclude: ['CHILD*'] }))).toEqual(['include:Children'])
  })

  it('keeps markup and entities in abstracts as raw text, for the view to escape', () => {
    const text = 'Care <script>alert("x")</script> &amp; <b>prescribing</b>'
    const segments = highlightTerms(text, { include: ['prescrib', 'script'], exclude: ['amp'] })
    expect(joined(segments)).toBe(text)
    expect(segments).toEqual([
      { text: 'Care <', kind: 'plain' },
      { text: 'script', kind: 'include' },
      { text: '>alert("x")</', kind: 'plain' },
      { text: 'script', kind: 'include' },
      { text: '> &', kind: 'plain' },
      { text: 'amp', kind: 'exclude' },
      { text: '; <b>', kind: 'plain' },
      { text: 'prescribing', kind: 'include' },
      { text: '</b>', kind: 'plain' },
    ])
  })

  it('treats regular-expression characters in terms as text', () => {
    expect(marks(highlightTerms('C++ and (child) care.', { include: ['c++', '(child)'], exclude: ['.*'] }))).toEqual([
      'include:C++',
      'include:(child)',
    ])
  })

  it('returns the text as one plain segment without terms, and nothing for empty text', () => {
    expect(highlightTerms('Some abstract', { include: [], exclude: ['  ', '*'] })).toEqual([
      { text: 'Some abstract', kind: 'plain' },
    ])
    expect(highlightTerms('', { include: ['care'], exclude: [] })).toEqual([])
  })

  it('highlights a 3,000-word abstract against 50 terms with one compiled pattern, and can be reused', () => {
    const words = [
      'social',
      'prescribing',
      'link',
      'workers',
      'naïve',
      'care',
      'community',
      'health',
      'loneliness',
      'patients',
    ]
    const text = Array.from({ length: 3000 }, (_, i) => words[i % words.length]).join(' ')
    const terms = Array.from({ length: 48 }, (_, i) => `term${i}`).concat(['prescrib', 'lonel'])
    const highlight = compileHighlighter({ include: terms.slice(0, 25), exclude: terms.slice(25) })
    const segments = highlight(text)
    expect(joined(segments)).toBe(text)
    expect(segments.filter((s) => s.kind === 'exclude')).toHaveLength(600) // prescribing and loneliness, 300 times each
    expect(highlight('loneliness')).toEqual([{ text: 'loneliness', kind: 'exclude' }])
  })
})

describe('parseTermList', () => {
  it('reads one term per line or comma-separated, trimmed, without empties, the first spelling of repeats kept', () => {
    const result = parseTermList('  Social prescrib* \r\nlink worker, link-worker,,\n\nLINK WORKER\nnaïve, naive\n*\n')
    // "link-worker" and "LINK WORKER" fold to the key of "link worker"; "naive" to that of "naïve".
    expect(result).toEqual({ ok: true, terms: ['Social prescrib', 'link worker', 'naïve'] })
  })

  it('collapses runs of whitespace inside a term', () => {
    expect(parseTermList('care\t  home')).toEqual({ ok: true, terms: ['care home'] })
  })

  it('refuses a term longer than the limit, saying which and how long', () => {
    const long = 'x'.repeat(MAX_TERM_LENGTH + 1)
    const result = parseTermList(`care\n${long}`)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toContain(`has ${MAX_TERM_LENGTH + 1} characters; a term has at most ${MAX_TERM_LENGTH}`)
      expect(result.error).toContain('xxxxxxxx')
    }
    expect(parseTermList('y'.repeat(MAX_TERM_LENGTH))).toEqual({ ok: true, terms: ['y'.repeat(MAX_TERM_LENGTH)] })
  })

  it('refuses a list with more terms than the limit', () => {
    const many = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `term${i}`).join('\n')
    expect(parseTermList(many)).toEqual({
      ok: false,
      error: `The list has ${MAX_TERMS + 1} terms; a list has at most ${MAX_TERMS}.`,
    })
  })

  it('returns an empty list for empty input', () => {
    expect(parseTermList('')).toEqual({ ok: true, terms: [] })
    expect(parseTermList(' ,\n , ')).toEqual({ ok: true, terms: [] })
  })
})
