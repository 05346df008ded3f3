import type { Review } from '../../../db/schema.ts'
import type { TermHighlighter } from '../../../views/screening/highlighted.tsx'
import { compileHighlighter, parseTermList } from '../../domain/screening/highlight.ts'

function termsOf(text: string): string[] {
  const parsed = parseTermList(text)
  return parsed.ok ? parsed.terms : []
}

/** The most term lists kept compiled; past it the cache starts again. */
const HELD = 100

/**
 * The reviews' include and exclude terms as highlighters for the screening card, compiled once per
 * distinct term lists (the card is rendered after every vote). One per app, owned by createApp.
 */
export class HighlighterCache {
  private readonly compiled = new Map<string, TermHighlighter>()

  forReview(review: Pick<Review, 'includeTerms' | 'excludeTerms'>): TermHighlighter {
    const key = `${review.includeTerms}\u0000${review.excludeTerms}`
    let highlighter = this.compiled.get(key)
    if (!highlighter) {
      if (this.compiled.size > HELD) this.compiled.clear()
      highlighter = compileHighlighter({ include: termsOf(review.includeTerms), exclude: termsOf(review.excludeTerms) })
      this.compiled.set(key, highlighter)
    }
    return highlighter
  }
}
