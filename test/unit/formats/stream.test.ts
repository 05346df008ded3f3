import { describe, expect, it } from 'vitest'
import type { BibliographicRecord } from '../../../src/domain/formats/bibliographic-record.ts'
import { parseReferenceStream, parseReferences } from '../../../src/domain/formats/index.ts'
import { fixtureBytes } from './fixture.ts'

/** Cuts bytes into chunks of `size`, as a file stream would, splitting lines and characters anywhere. */
function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}

async function streamed(bytes: Uint8Array, size: number, batchSize = 1) {
  const records: BibliographicRecord[] = []
  const batches: number[] = []
  const summary = parseReferenceStream(chunksOf(bytes, size), {
    batchSize,
    onRecords(batch) {
      batches.push(batch.length)
      records.push(...batch)
    },
  })
  return { summary, records, batches }
}

describe('parseReferenceStream', () => {
  it.each([
    'ovid.ris',
    'crlf-no-final-newline.ris',
    'pubmed.nbib',
    'wos.txt',
    'bare-cr.ris',
    'utf16le-bom.ris',
    'windows-1252.ris',
    'covidence.csv',
    'zotero.bib',
    'endnote.enw',
    'embase.xlsx',
    'team-sheet.ods',
  ])('gives the same records as parseReferences for %s cut into 7-byte chunks', async (name) => {
    const bytes = fixtureBytes(name)
    const whole = parseReferences(bytes)
    const { summary, records } = await streamed(bytes, 7)
    expect(summary.format).toBe(whole.format)
    expect(summary.recordCount).toBe(whole.records.length)
    expect(records).toEqual(whole.records)
  })

  it('hands records over in batches as the chunks arrive', async () => {
    const record = (i: number): string => `TY  - JOUR\nTI  - Link workers ${i}\nER  - \n`
    const text = Array.from({ length: 5000 }, (_, i) => record(i)).join('')
    const { summary, batches } = await streamed(new TextEncoder().encode(text), 16 * 1024, 1000)
    expect(summary).toMatchObject({ format: 'ris', recordCount: 5000, issues: [] })
    expect(batches.length).toBeGreaterThan(1)
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(5000)
  })

  it('switches to Windows-1252 when a byte that is not UTF-8 appears after ASCII-only chunks', async () => {
    const ascii = (text: string): number[] => [...new TextEncoder().encode(text)]
    const bytes = Uint8Array.from([
      ...ascii('TY  - JOUR\nTI  - R'),
      0xe9,
      ...ascii('f'),
      0xe9,
      ...ascii('rence\nER  - \n'),
    ])
    const { summary, records } = await streamed(bytes, 4)
    expect(summary.encoding).toBe('windows-1252')
    expect(records[0]?.title).toBe('Référence')
  })

  it('passes on an error thrown by the receiver instead of reporting it as a parse problem', () => {
    const failing = () =>
      parseReferenceStream([fixtureBytes('ovid.ris')], {
        onRecords() {
          throw new Error('disk full')
        },
      })
    expect(failing).toThrow('disk full')
  })

  it('reads Windows line ends past the first 64 KB as the whole-file reader does, and a bare CR after them', async () => {
    const record = (i: number, end: string): string =>
      [
        'TY  - JOUR',
        `TI  - Link workers ${i}`,
        `AB  - ${'trust and time '.repeat(20)}`,
        '      continued',
        'ER  - ',
        '',
      ].join(end)
    const text =
      Array.from({ length: 300 }, (_, i) => record(i, '\r\n')).join('') + record(300, '\r') + record(301, '\r\n')
    const bytes = new TextEncoder().encode(text)
    const whole = parseReferences(bytes)
    const { summary, records } = await streamed(bytes, 1000, 50)
    expect(whole.records).toHaveLength(302)
    expect(summary.recordCount).toBe(302)
    expect(records).toEqual(whole.records)
    expect(records[300]?.originalText).toBe(record(300, '\n').slice(0, -1))
  })
})
