/**
 * Properties (fast-check): whatever bytes arrive, the importer returns a result instead of throwing, and
 * every record it returns knows its line.
 */
import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FORMAT_NAMES, parseReferences, type ParseResult } from '../../../src/domain/formats/index.ts'
import { FIXTURES, fixtureBytes } from './fixture.ts'

function expectWellFormed(result: ParseResult): void {
  expect(Array.isArray(result.records)).toBe(true)
  for (const record of result.records) {
    expect(record.line).toBeGreaterThanOrEqual(1)
    expect(typeof record.originalText).toBe('string')
    expect(Array.isArray(record.authors)).toBe(true)
  }
  for (const issue of result.issues) expect(issue.line).toBeGreaterThanOrEqual(1)
}

const fixtures = readdirSync(FIXTURES)

describe('parseReferences never throws', () => {
  it('on random bytes, for detection and for every forced format', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...FORMAT_NAMES), (bytes, format) => {
        expectWellFormed(parseReferences(bytes))
        expectWellFormed(parseReferences(bytes, { format }))
      }),
      { numRuns: 150 },
    )
  })

  it("on random text built from the formats' own markers", () => {
    const pieces = [
      'TY  - ',
      'ER  - ',
      'PMID- ',
      '      ',
      'PT J',
      'ER',
      '<record>',
      '</record>',
      '<title>',
      '@article{',
      '}',
      '{',
      '"',
      ',',
      '\t',
      '\n',
      '\r',
      '[',
      ']',
      'AU  - x',
      'é',
      '\u0000',
      '&#99999999;',
      '&amp',
    ]
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }),
        fc.constantFrom(...FORMAT_NAMES),
        (text, format) => {
          const bytes = new TextEncoder().encode(text.join(''))
          expectWellFormed(parseReferences(bytes))
          expectWellFormed(parseReferences(bytes, { format }))
        },
      ),
      { numRuns: 300 },
    )
  })

  it.each(fixtures)('on every truncation point of %s', (name) => {
    const bytes = fixtureBytes(name)
    const step = Math.max(1, Math.floor(bytes.length / 60))
    for (let cut = 0; cut <= bytes.length; cut += step) {
      expectWellFormed(parseReferences(bytes.subarray(0, cut)))
    }
  })

  it.each(fixtures)('on %s with random bytes flipped', (name) => {
    const original = fixtureBytes(name)
    const flip = fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 }))
    fc.assert(
      fc.property(fc.array(flip, { minLength: 1, maxLength: 5 }), (flips) => {
        const bytes = Uint8Array.from(original)
        for (const [at, value] of flips) bytes[at] = value
        expectWellFormed(parseReferences(bytes))
      }),
      { numRuns: 20 },
    )
  })
})
