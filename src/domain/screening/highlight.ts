/**
 * Highlighting a review's include and exclude terms in a title, abstract or keyword list, and reading
 * those term lists as an owner types them.
 *
 * The matching rule, one for every term: a term matches where a word starts, ignoring case and
 * accents, and the highlight runs to the end of that word. So every term is a word prefix:
 * "prescrib" marks "prescribing" and "Prescribers", "naive" marks "naïve", "zoe" marks "Zoë". A trailing
 * "*" (as databases write truncation) is accepted and means nothing more. Inside a term, spaces and
 * hyphens stand for any run of spaces and hyphens, so "link worker" marks "link-worker" and "Link  Workers".
 * Where two terms could match, the one starting first wins, then the longest; a term on both lists
 * counts as an include term.
 *
 * The output is text segments, never markup: the view wraps include and exclude segments in differently
 * styled elements and lets JSX escape the text, so an abstract containing "<script>" stays text.
 */
import { foldAccents } from '../text/fold.ts'
import { foldWithPositions } from './search-fold.ts'

export type HighlightKind = 'plain' | 'include' | 'exclude'

export interface HighlightSegment {
  text: string
  kind: HighlightKind
}

export interface HighlightTerms {
  include: readonly string[]
  exclude: readonly string[]
}

export const MAX_TERM_LENGTH = 100
export const MAX_TERMS = 300

const SEPARATORS = /[\s\-\u2010-\u2015]+/gu
const SEPARATOR_PATTERN = '[\\s\\-\\u2010-\\u2015]+'
const WORD_REST = '[\\p{L}\\p{N}]*'
const NOT_AFTER_WORD_CHARACTER = '(?<![\\p{L}\\p{N}])'
const COMBINING_MARK = /\p{M}/u

/** The form two spellings of one term share: folded, without the "*", separators as single spaces. */
export function termKey(term: string): string {
  return foldAccents(term.trim().replace(/\*+$/, '')).replace(SEPARATORS, ' ').trim()
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/**
 * Compiles the terms once (one regular expression for all of them) and returns the function that
 * highlights a text; a screening page highlights title, abstract and keywords with the same one.
 */
export function compileHighlighter(terms: HighlightTerms): (text: string) => HighlightSegment[] {
  const kinds = new Map<string, 'include' | 'exclude'>()
  for (const term of terms.include) addTerm(kinds, term, 'include')
  for (const term of terms.exclude) addTerm(kinds, term, 'exclude')
  if (kinds.size === 0) return (text) => (text === '' ? [] : [{ text, kind: 'plain' }])

  // Longest first, so at one position the longest term wins; ties alphabetical, so the order is fixed.
  const alternatives = [...kinds.keys()]
    .sort((x, y) => y.length - x.length || (x < y ? -1 : 1))
    .map((key) => key.split(' ').map(escapeRegExp).join(SEPARATOR_PATTERN))
  const pattern = new RegExp(`${NOT_AFTER_WORD_CHARACTER}(${alternatives.join('|')})${WORD_REST}`, 'gu')

  return (text) => {
    const { folded, startOf, endOf } = foldWithPositions(text)
    const segments: HighlightSegment[] = []
    let done = 0
    pattern.lastIndex = 0
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
      const kind = kinds.get((match[1] ?? '').replace(SEPARATORS, ' '))
      const from = startOf(match.index)
      let to = endOf(match.index + match[0].length - 1)
      if (kind === undefined || from < done) continue
      // Accents written as separate combining marks belong to the highlighted word ("Zoe\u0308").
      while (to < text.length && COMBINING_MARK.test(text[to] ?? '')) to++
      push(segments, text.slice(done, from), 'plain')
      push(segments, text.slice(from, to), kind)
      done = to
    }
    push(segments, text.slice(done), 'plain')
    return segments
  }
}

/** Highlights one text; compile once with compileHighlighter when highlighting several. */
export function highlightTerms(text: string, terms: HighlightTerms): HighlightSegment[] {
  return compileHighlighter(terms)(text)
}

function addTerm(kinds: Map<string, 'include' | 'exclude'>, term: string, kind: 'include' | 'exclude'): void {
  const key = termKey(term)
  if (key !== '' && !kinds.has(key)) kinds.set(key, kind)
}

/** Appends text, joining it to the previous segment when that one is of the same kind. */
function push(segments: HighlightSegment[], text: string, kind: HighlightKind): void {
  if (text === '') return
  const last = segments[segments.length - 1]
  if (last !== undefined && last.kind === kind) last.text += text
  else segments.push({ text, kind })
}

export type TermListResult = { ok: true; terms: string[] } | { ok: false; error: string }

/**
 * A term list as an owner types it: one term per line or comma-separated. Terms are trimmed, inner
 * whitespace collapsed, a trailing "*" dropped (every term is a prefix anyway), empty ones dropped and
 * repeats (ignoring case and accents) dropped, keeping the first spelling.
 */
export function parseTermList(input: string): TermListResult {
  const terms: string[] = []
  const seen = new Set<string>()
  for (const raw of input.split(/[\n,]/)) {
    const term = raw
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\s*\*+$/, '')
    if (term === '') continue
    if (term.length > MAX_TERM_LENGTH) {
      const start = term.slice(0, 40)
      return {
        ok: false,
        error: `The term “${start}…” has ${term.length} characters; a term has at most ${MAX_TERM_LENGTH}.`,
      }
    }
    const key = termKey(term)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    terms.push(term)
  }
  if (terms.length > MAX_TERMS)
    return { ok: false, error: `The list has ${terms.length} terms; a list has at most ${MAX_TERMS}.` }
  return { ok: true, terms }
}
