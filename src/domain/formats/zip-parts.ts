/**
 * The parts of a ZIP package (an XLSX or ODS spreadsheet), through fflate. Only the named parts are
 * inflated, and each is bounded so a crafted archive cannot expand without limit.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate'

/** "PK\x03\x04": every ZIP archive, and so every XLSX and ODS file, starts with it. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

const MAX_PART_BYTES = 256 * 1024 * 1024

export class ZipError extends Error {}

/** The wanted parts, inflated (missing ones are absent from the map). */
export function zipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const oversized: UnzipFileInfo[] = []
  let parts: Record<string, Uint8Array>
  try {
    parts = unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false
        if (file.originalSize > MAX_PART_BYTES) oversized.push(file)
        return oversized.length === 0
      },
    })
  } catch (error) {
    throw new ZipError(`not a readable ZIP package (${error instanceof Error ? error.message : String(error)})`)
  }
  const [tooLarge] = oversized
  if (tooLarge !== undefined)
    throw new ZipError(`the part ${tooLarge.name} is too large (${tooLarge.originalSize} bytes unpacked)`)
  return new Map(Object.entries(parts))
}

/** A part as text (XML parts are UTF-8), or null when the package lacks it. */
export function partText(parts: ReadonlyMap<string, Uint8Array>, name: string): string | null {
  const part = parts.get(name)
  return part === undefined ? null : new TextDecoder().decode(part)
}
