import { describe, expectTypeOf, it } from 'vitest'
import type { RecordRow } from '../../../db/schema.ts'
import type { BibliographicRecord } from '../../../src/domain/formats/bibliographic-record.ts'

// Checked by `npm run typecheck`: the domain's citation types (src/domain/citation.ts and the pages' shapes
// built on it) pick their fields from BibliographicRecord, so a column typed differently must fail here.
describe('the records table', () => {
  it('stores every field of a parsed record with the type the parsers give it', () => {
    type Stored = Pick<RecordRow, Exclude<keyof BibliographicRecord, 'csl'>>
    expectTypeOf<Stored>().toEqualTypeOf<Omit<BibliographicRecord, 'csl'>>()
  })
})
