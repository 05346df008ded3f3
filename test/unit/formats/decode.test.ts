import { describe, expect, it } from 'vitest'
import { ChunkDecoder } from '../../../src/domain/formats/chunk-decoder.ts'
import { decodeBytes } from '../../../src/domain/formats/decode.ts'
import { fixtureBytes } from './fixture.ts'

describe('decodeBytes', () => {
  it('drops a UTF-8 byte-order mark', () => {
    const decoded = decodeBytes(fixtureBytes('scopus.ris'))
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true })
    expect(decoded.text.startsWith('TY  - JOUR')).toBe(true)
  })

  it('reads UTF-16 LE with a BOM', () => {
    const decoded = decodeBytes(fixtureBytes('utf16le-bom.ris'))
    expect(decoded.encoding).toBe('utf-16le')
    expect(decoded.text).toContain('Prescripción social')
  })

  it('recognises BOM-less UTF-16 BE by its NUL bytes', () => {
    const decoded = decodeBytes(fixtureBytes('utf16be-nobom.ris'))
    expect(decoded.encoding).toBe('utf-16be')
    expect(decoded.text).toContain('Muñoz, José')
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const decoded = decodeBytes(fixtureBytes('windows-1252.ris'))
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toContain('Référence sociale et travailleurs de liaison – étude')
  })

  it('turns CRLF and bare CR line endings into LF', () => {
    expect(decodeBytes(fixtureBytes('bare-cr.ris')).text).not.toContain('\r')
    expect(decodeBytes(new TextEncoder().encode('a\r\nb\rc\n')).text).toBe('a\nb\nc\n')
  })
})

describe('ChunkDecoder', () => {
  it('keeps a character split across two chunks whole', () => {
    const bytes = new TextEncoder().encode('TI  - Muñoz\n')
    const cut = bytes.indexOf(0xc3) + 1
    const decoder = new ChunkDecoder()
    const text = decoder.push(bytes.subarray(0, cut)) + decoder.push(bytes.subarray(cut)) + decoder.end()
    expect(text).toBe('TI  - Muñoz\n')
  })

  it('treats a CR at the end of one chunk and LF at the start of the next as one line break', () => {
    const decoder = new ChunkDecoder()
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
    const text = decoder.push(encode('a\r')) + decoder.push(encode('\nb\r')) + decoder.push(encode('c')) + decoder.end()
    expect(text).toBe('a\nb\nc')
  })
})
