/**
 * Record counts on the real exports in ../shared/fixtures (not part of the project; licences vary), checked
 * against MANIFEST.md (test/support/shared-manifest.ts: when it runs). Where our count differs from the manifest's
 * heuristic count, the expectation is written out below with the reason.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { describeShared, EXPECTED_DIFFERENTLY, manifestRows, ROOT, SUPPORTED } from '../../support/shared-manifest.ts'

describeShared('shared fixtures (record counts against MANIFEST.md)', () => {
  const rows = manifestRows().filter((row) => SUPPORTED.has(row.format))

  it('finds the manifest rows for the supported formats', () => {
    expect(rows.length).toBeGreaterThan(60)
  })

  it.each(rows)('reads $path ($format) with the expected number of records', ({ path, records }) => {
    const result = parseReferences(readFileSync(`${ROOT}${path}`))
    expect(result.format).not.toBe('unknown')
    expect(result.needsMapping).toBeUndefined()
    expect(result.records).toHaveLength(EXPECTED_DIFFERENTLY[path]?.count ?? records)
  })
})
