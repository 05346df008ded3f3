/**
 * Bytes → text. Reference files arrive in whatever encoding the database or reference manager chose:
 * UTF-8 with or without BOM, UTF-16 (EndNote and some Windows tools), or Windows-1252 (older Ovid and
 * EBSCO exports). Line endings are normalised to "\n" here so every parser sees one kind of line.
 */
import { decodeAscii, isAsciiBytes, isUtf8Bytes } from './ascii-fast-path.ts'
import { decodeWindows1252 } from './windows-1252.ts'

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedText {
  text: string
  encoding: TextEncodingName
  /** True when a byte-order mark was found (and dropped). */
  bom: boolean
}

/** Decodes a whole file. Never throws: undecodable bytes fall back to Windows-1252, which maps every byte. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const sniffed = sniffEncoding(bytes)
  const body = bytes.subarray(sniffed.bom ? bomLength(sniffed.encoding) : 0)
  const text = decodeWith(sniffed.encoding, body)
  return { text: normaliseLineEndings(text.text), encoding: text.encoding, bom: sniffed.bom }
}

/** "\r\n" and bare "\r" (old Mac, some Citavi exports) → "\n". */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Which encoding the first bytes suggest. BOM-less UTF-16 is recognised by its NUL bytes. */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bom: true }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bom: true }
  // ASCII text in UTF-16 has a NUL in every other byte; count them in the first few hundred bytes.
  const sample = Math.min(bytes.length, 512) & ~1
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls++
    if (bytes[i + 1] === 0) oddNuls++
  }
  const pairs = sample / 2
  if (pairs >= 2 && oddNuls > pairs * 0.4 && evenNuls < pairs * 0.1) return { encoding: 'utf-16le', bom: false }
  if (pairs >= 2 && evenNuls > pairs * 0.4 && oddNuls < pairs * 0.1) return { encoding: 'utf-16be', bom: false }
  return { encoding: 'utf-8', bom: false }
}

function bomLength(encoding: TextEncodingName): number {
  return encoding === 'utf-8' ? 3 : 2
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (encoding !== 'utf-8') {
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding }
  }
  if (isAsciiBytes(bytes)) return { text: decodeAscii(bytes), encoding }
  if (isUtf8Bytes(bytes)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding }
  // Not valid UTF-8: the usual culprit is a Windows-1252 export ("é" as one byte 0xE9).
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
}
