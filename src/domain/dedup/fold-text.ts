/**
 * Folding text to the form two exports of the same citation agree on: databases differ in case,
 * punctuation, HTML markup, accents and how they spell Greek letters, never in the words themselves.
 */
import { decodeEntities } from '../text/entities.ts'
import { foldAccents } from '../text/fold.ts'

/** Greek letters are written as symbols by some databases and spelled out by others ("TNF-α", "TNF-alpha"). */
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  µ: 'mu',
  ω: 'omega',
}

/** Letters that Unicode decomposition leaves alone but transliteration tables spell out. */
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' }

const TAG = /<\/?[a-z][^>]*>/gi
const GREEK_OR_LIGATURE = /[αβγδεκλμµωßæœøłđı]/g
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu
const ASCII = /^[\x00-\x7f]*$/
const NOT_ASCII_LETTER_OR_DIGIT = /[^a-z0-9]+/g

/** Removes markup such as `<i>…</i>` or `<sup>` that some exports keep in titles. */
export function stripTags(text: string): string {
  return text.includes('<') ? text.replace(TAG, '') : text
}

/**
 * Lower-case words separated by single spaces: no markup, entities, accents or punctuation.
 * Letters of any script survive (a Cyrillic title folds to Cyrillic words).
 */
export function foldText(text: string): string {
  const plain = stripTags(decodeEntities(text)).toLowerCase()
  // Most citations are plain ASCII: skip the Unicode work for them.
  if (ASCII.test(plain)) return plain.replace(NOT_ASCII_LETTER_OR_DIGIT, ' ').trim()
  const spelled = plain.replace(GREEK_OR_LIGATURE, (ch) => GREEK[ch] ?? LIGATURES[ch] ?? ch)
  return foldAccents(spelled).replace(NOT_LETTER_OR_DIGIT, ' ').trim()
}
