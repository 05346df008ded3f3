/**
 * Words of a record as the relevance model sees them: lower case, accents folded, split at anything that
 * is not a letter or digit, one-letter tokens and stop words dropped. With bigrams, adjacent kept words
 * also form "word1 word2" terms, so "social prescribing" and "link worker" count as phrases.
 */
import { STOP_WORDS } from './stop-words.ts'

const NOT_WORD = /[^\p{L}\p{N}]+/u
const COMBINING_MARKS = /\p{M}+/gu
const NON_ASCII = /[^\x00-\x7f]/

export interface TokenOptions {
  bigrams: boolean
}

export function tokenise(text: string, options: TokenOptions): string[] {
  let lower = text.toLowerCase()
  if (NON_ASCII.test(lower)) lower = lower.normalize('NFKD').replace(COMBINING_MARKS, '')
  const words = lower.split(NOT_WORD).filter((word) => word.length > 1 && !STOP_WORDS.has(word))
  if (!options.bigrams) return words
  const terms = words.slice()
  for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`)
  return terms
}
