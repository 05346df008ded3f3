/**
 * Full texts on disk, content-addressed: a PDF is stored once under its SHA-256, however many reports
 * (or reviews) attach it. A file is written to a temporary name and renamed into place, so an upload that
 * fails part-way leaves no half-written PDF where a report could point at it.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The largest full text Weft accepts: scanned theses run to tens of MB, more is rarely one report. */
export const MAX_FULL_TEXT_BYTES = 50 * 1024 * 1024

const PDF_MAGIC = '%PDF-'
const SHA256_HEX = /^[0-9a-f]{64}$/

export function fullTextTooLargeMessage(maxBytes = MAX_FULL_TEXT_BYTES): string {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return `The PDF is larger than ${mb} MB, the most Weft stores for one report, so nothing was attached. Compress it, or keep it elsewhere and mark the report retrieved without a file.`
}

export const NOT_A_PDF_MESSAGE =
  'That file is not a PDF (it does not start with %PDF-), so nothing was attached. Choose the report’s PDF.'

/** True when the bytes start like a PDF. Browsers' own type guesses (from the name) are not trusted. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  if (bytes.byteLength < PDF_MAGIC.length) return false
  for (let i = 0; i < PDF_MAGIC.length; i++) if (bytes[i] !== PDF_MAGIC.charCodeAt(i)) return false
  return true
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Where the full text with this SHA-256 lives: two-letter fan-out keeps folders small. */
export function fullTextPath(filesDir: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`)
  return join(filesDir, 'full-texts', sha256.slice(0, 2), `${sha256}.pdf`)
}

export interface StoredFullText {
  sha256: string
  sizeBytes: number
  /** False when the same bytes were already stored (nothing was written). */
  created: boolean
}

/**
 * Stores a PDF's bytes under their SHA-256 unless they are there already. Callers check the size and
 * the PDF signature first; this only writes.
 */
export function storeFullText(filesDir: string, bytes: Uint8Array): StoredFullText {
  const sha256 = sha256Hex(bytes)
  const path = fullTextPath(filesDir, sha256)
  if (existsSync(path)) return { sha256, sizeBytes: bytes.byteLength, created: false }
  const folder = join(path, '..')
  mkdirSync(folder, { recursive: true })
  const temporary = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' })
    // rename is atomic within a folder: readers see the whole file or none.
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  return { sha256, sizeBytes: bytes.byteLength, created: true }
}

/** Removes a file this upload created when the database then refused it, so nothing is left behind. */
export function discardFullText(filesDir: string, stored: StoredFullText): void {
  if (stored.created) rmSync(fullTextPath(filesDir, stored.sha256), { force: true })
}
