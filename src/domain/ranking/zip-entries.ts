/**
 * Just enough of the ZIP format to read an XLSX workbook: the central directory, and stored or deflated
 * entries. Sizes are bounded so a crafted archive cannot expand without limit.
 */
import { inflateRawSync } from 'node:zlib'

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff
const MAX_ENTRY_BYTES = 256 * 1024 * 1024

export class ZipError extends Error {}

/** Reads the named entries of a ZIP archive (missing ones are absent from the map). */
export function zipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end === -1) throw new ZipError('not a ZIP archive (no central directory)')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const entries = new Map<string, Uint8Array>()
  const decoder = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY)
      throw new ZipError('damaged central directory')
    const method = view.getUint16(at + 10, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localHeader = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
    if (!wanted(name)) continue
    if (localHeader + 30 > bytes.length || view.getUint32(localHeader, true) !== LOCAL_HEADER)
      throw new ZipError(`damaged entry ${name}`)
    const start = localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true)
    const data = bytes.subarray(start, start + compressedSize)
    if (data.length !== compressedSize) throw new ZipError(`entry ${name} is cut short`)
    if (size > MAX_ENTRY_BYTES) throw new ZipError(`entry ${name} is too large (${size} bytes)`)
    if (method === 0) entries.set(name, data)
    else if (method === 8) entries.set(name, inflate(data, name))
    else throw new ZipError(`entry ${name} uses an unsupported compression method (${method})`)
  }
  return entries
}

function inflate(data: Uint8Array, name: string): Uint8Array {
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES })
  } catch {
    throw new ZipError(`entry ${name} cannot be decompressed`)
  }
}
