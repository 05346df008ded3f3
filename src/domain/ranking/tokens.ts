/**
 * Words of a record as the relevance model sees them: lower case, accents folded, split at anything that
 * is not a letter or digit, one-letter tokens dropped; optionally stop words dropped and each word reduced
 * to its Porter stem ("prescribing", "prescribed" and "prescriptions" meet as "prescrib"). With bigrams,
 * adjacent kept words also form "word1 word2" terms, so "social prescribing" counts as a phrase.
 */
import { stemmer } from 'stemmer'
import { STOP_WORDS } from './stop-words.ts'
import { foldAccents } from '../text/fold.ts'

const NOT_WORD = /[^\p{L}\p{N}]+/u

export interface TokenOptions {
  bigrams: boolean
  /** Reduce words to their Porter stem. */
  stemming: boolean
  /** Drop general English function words ("the", "of", "which"). */
  stopWords: boolean
}

export type Tokeniser = (text: string) => string[]

/**
 * A tokeniser for one set of records. It remembers each word's stem: a review repeats the same few
 * thousand words hundreds of thousands of times, and stemming each occurrence afresh would dominate.
 */
export function createTokeniser(options: TokenOptions): Tokeniser {
  const stems = new Map<string, string>()
  const stemOf = (word: string) => {
    let stem = stems.get(word)
    if (stem === undefined) {
      stem = stemmer(word)
      stems.set(word, stem)
    }
    return stem
  }
  return (text) => {
    const lower = foldAccents(text)
    const words: string[] = []
    for (const word of lower.split(NOT_WORD)) {
      if (word.length < 2 || (options.stopWords && STOP_WORDS.has(word))) continue
      words.push(options.stemming ? stemOf(word) : word)
    }
    if (!options.bigrams) return words
    const terms = words.slice()
    for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`)
    return terms
  }
}

export function tokenise(text: string, options: TokenOptions): string[] {
  return createTokeniser(options)(text)
}
