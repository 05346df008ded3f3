import type { Review } from '../../../db/schema.ts'
import type { TermHighlighter } from '../../../views/screening/highlighted.tsx'
import { compileHighlighter, parseTermList } from '../../domain/screening/highlight.ts'

function termsOf(text: string): string[] {
  const parsed = parseTermList(text)
  return parsed.ok ? parsed.terms : []
}

const cache = new Map<string, TermHighlighter>()

/**
 * The review's include and exclude terms as a highlighter for the screening card. Compiled once per
 * distinct term lists: the card is rendered after every vote.
 */
export function reviewHighlighter(review: Pick<Review, 'includeTerms' | 'excludeTerms'>): TermHighlighter {
  const key = `${review.includeTerms}\u0000${review.excludeTerms}`
  let highlighter = cache.get(key)
  if (!highlighter) {
    if (cache.size > 100) cache.clear()
    highlighter = compileHighlighter({ include: termsOf(review.includeTerms), exclude: termsOf(review.excludeTerms) })
    cache.set(key, highlighter)
  }
  return highlighter
}
