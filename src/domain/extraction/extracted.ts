/** What the extraction pages show of a study's values: per field, and across studies for the table. */
import type { IncludedStudy } from '../studies.ts'
import type { SettledValue } from './values.ts'

export interface ExtractorEntry {
  extractorId: number
  name: string | null
  value: string
}

/** A field of the form with its values for one study; `Field` is the stored field (db/schema's `ExtractionField`). */
export interface FieldValues<Field> {
  field: Field
  /** Each extractor's value (dual extraction), in the order they first saved. */
  extractors: ExtractorEntry[]
  /** The stored value of the table: typed under single extraction, the consensus under dual. */
  recorded: string | null
  settled: SettledValue
}

export interface CharacteristicsRow {
  study: IncludedStudy
  /** Per field on the form, in order: the settled value, or why there is none yet. */
  cells: SettledValue[]
}
