/**
 * Property-style checks with a seeded PRNG (no extra dependency): whatever bytes arrive, the importer
 * returns a result instead of throwing, and every record it returns knows its line.
 */
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FORMAT_NAMES, parseReferences, type ParseResult } from '../../../src/domain/formats/index.ts'
import { FIXTURES, fixtureBytes } from './fixture.ts'
import { seededRandom } from '../../support/seeded-random.ts'

function expectWellFormed(result: ParseResult): void {
  expect(Array.isArray(result.records)).toBe(true)
  for (const record of result.records) {
    expect(record.line).toBeGreaterThanOrEqual(1)
    expect(typeof record.originalText).toBe('string')
    expect(Array.isArray(record.authors)).toBe(true)
  }
  for (const issue of result.issues) expect(issue.line).toBeGreaterThanOrEqual(1)
}

const random = seededRandom(20240521)
const fixtures = readdirSync(FIXTURES)

describe('parseReferences never throws', () => {
  it('on random bytes, for detection and for every forced format', () => {
    for (let run = 0; run < 150; run++) {
      const bytes = new Uint8Array(Math.floor(random() * 600))
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256)
      expectWellFormed(parseReferences(bytes))
      const format = FORMAT_NAMES[run % FORMAT_NAMES.length]
      expectWellFormed(parseReferences(bytes, { format }))
    }
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
    for (let run = 0; run < 300; run++) {
      let text = ''
      const length = Math.floor(random() * 60)
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)] ?? ''
      const bytes = new TextEncoder().encode(text)
      expectWellFormed(parseReferences(bytes))
      expectWellFormed(parseReferences(bytes, { format: FORMAT_NAMES[run % FORMAT_NAMES.length] }))
    }
  })

  it.each(fixtures)('on every truncation point of %s', (name) => {
    const bytes = fixtureBytes(name)
    const step = Math.max(1, Math.floor(bytes.length / 60))
    for (let cut = 0; cut <= bytes.length; cut += step) {
      expectWellFormed(parseReferences(bytes.subarray(0, cut)))
    }
  })

  it.each(fixtures)('on %s with random bytes flipped', (name) => {
    for (let run = 0; run < 20; run++) {
      const bytes = Uint8Array.from(fixtureBytes(name))
      for (let flips = 0; flips < 5; flips++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
      expectWellFormed(parseReferences(bytes))
    }
  })
})
