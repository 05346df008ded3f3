/**
 * Word-level differences between two values of one field, for showing a candidate pair side by side.
 * Pure and escape-safe: it returns text segments, never markup; the view wraps the differing segments
 * in <mark> and lets JSX escape the text. Words are compared folded (case, accents and compatibility forms
 * such as ligatures don't count).
 */
import { foldAccents } from '../text/fold.ts'

/** A run of a value's text, and whether the words in it are missing from the other value. */
export interface Segment {
  text: string
  differs: boolean
}

export interface Highlighted {
  /** Null when the record has no value for the field. */
  a: Segment[] | null
  b: Segment[] | null
}

const WORD = /[\p{L}\p{N}]+/gu

interface Token {
  text: string
  word: string | null
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const match of value.matchAll(WORD)) {
    if (match.index > last) tokens.push({ text: value.slice(last, match.index), word: null })
    tokens.push({ text: match[0], word: foldAccents(match[0]) })
    last = match.index + match[0].length
  }
  if (last < value.length) tokens.push({ text: value.slice(last), word: null })
  return tokens
}

function wordCounts(tokens: Token[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const token of tokens) if (token.word !== null) counts.set(token.word, (counts.get(token.word) ?? 0) + 1)
  return counts
}

/**
 * Marks the words of `tokens` that the other value does not have (as many times as it has them: a
 * word written twice here and once there is marked on its second use), then joins the tokens into as
 * few segments as possible. Punctuation and spaces between two marked words are marked with them, so
 * "published erratum" reads as one highlight; elsewhere they are never marked.
 */
function segmentsOf(tokens: Token[], other: Map<string, number>): Segment[] {
  const left = new Map(other)
  const marked = tokens.map((token) => {
    if (token.word === null) return false
    const remaining = left.get(token.word) ?? 0
    if (remaining > 0) {
      left.set(token.word, remaining - 1)
      return false
    }
    return true
  })
  const segments: Segment[] = []
  tokens.forEach((token, i) => {
    const differs = token.word === null ? isBetweenMarked(tokens, marked, i) : (marked[i] ?? false)
    const previous = segments[segments.length - 1]
    if (previous && previous.differs === differs) previous.text += token.text
    else segments.push({ text: token.text, differs })
  })
  return segments
}

function isBetweenMarked(tokens: Token[], marked: boolean[], i: number): boolean {
  let before = i - 1
  while (before >= 0 && tokens[before]?.word === null) before--
  let after = i + 1
  while (after < tokens.length && tokens[after]?.word === null) after++
  return before >= 0 && after < tokens.length && marked[before] === true && marked[after] === true
}

/**
 * Splits both values into segments and marks the words present in one but not the other. When one
 * value is missing there is nothing to compare word by word: the other comes back as one unmarked
 * segment, and the view says the field is missing.
 *
 * @example
 * highlightDifferences('Erratum: Link workers', 'Link workers').a
 * // [{ text: 'Erratum', differs: true }, { text: ': Link workers', differs: false }]
 */
export function highlightDifferences(a: string | null, b: string | null): Highlighted {
  const aText = a === null || a.trim() === '' ? null : a
  const bText = b === null || b.trim() === '' ? null : b
  if (aText === null || bText === null) {
    return {
      a: aText === null ? null : [{ text: aText, differs: false }],
      b: bText === null ? null : [{ text: bText, differs: false }],
    }
  }
  const aTokens = tokenize(aText)
  const bTokens = tokenize(bText)
  return { a: segmentsOf(aTokens, wordCounts(bTokens)), b: segmentsOf(bTokens, wordCounts(aTokens)) }
}

/** True when the two values differ in at least one word. */
export function hasDifferences(highlighted: Highlighted): boolean {
  return [highlighted.a, highlighted.b].some((segments) => segments?.some((segment) => segment.differs) ?? false)
}
