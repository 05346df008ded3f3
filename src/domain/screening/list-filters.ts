import type { ScreeningVerdict } from '../vocabulary.ts'

/** What the screening list can be narrowed to. */
export interface ScreeningListFilters {
  /** Words to find in the title or abstract. */
  q: string
  /** The viewer's own vote: a verdict, or 'none' for records they have not voted on. */
  mine: ScreeningVerdict | 'none' | ''
  /** Another reviewer's vote (only when the viewer may see other votes). */
  others: ScreeningVerdict | ''
  conflicts: boolean
  unscreened: boolean
  sourceId: number | null
  /** A label the records carry (labels are not votes: any member may filter by them). */
  label: string
}
