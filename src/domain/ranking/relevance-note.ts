import type { StoppingGuidance } from './stopping.ts'

/** What the screening card says about a record's relevance in the reviewer's ranking. */
export interface RelevanceNote {
  /** The model's 0–1 relevance of the record. */
  score: number
  /** Its place among the records waiting when the ranking was made; null once screened. */
  rank: number | null
  ranked: number
  guidance: StoppingGuidance
}
