/**
 * Full texts on disk, content-addressed: a PDF is stored once under its SHA-256, however many reports
 * (or reviews) attach it. A file is written to a temporary name and renamed into place, so an upload that
 * fails part-way leaves no half-written PDF where a report could point at it.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'

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
 * Puts a file in place under its SHA-256 unless it is there already: `write` fills a temporary file in
 * the same folder, which is then renamed (atomic within a folder: readers see the whole file or none).
 */
function place(
  filesDir: string,
  sha256: string,
  sizeBytes: number,
  write: (temporary: string) => void,
): StoredFullText {
  const path = fullTextPath(filesDir, sha256)
  if (existsSync(path)) return { sha256, sizeBytes, created: false }
  const folder = dirname(path)
  mkdirSync(folder, { recursive: true })
  const temporary = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    write(temporary)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  return { sha256, sizeBytes, created: true }
}

/** Stores a PDF's bytes (the demo's, a test's). Callers check the size and the PDF signature first. */
export function storeFullText(filesDir: string, bytes: Uint8Array): StoredFullText {
  return place(filesDir, sha256Hex(bytes), bytes.byteLength, (temporary) =>
    writeFileSync(temporary, bytes, { flag: 'wx' }),
  )
}

/**
 * Stores an uploaded PDF already on disk (streamed there, hashed on the way). It is copied, not moved:
 * the upload's temporary folder may be on another file system, and its owner removes it.
 */
export function storeFullTextFile(
  filesDir: string,
  upload: { path: string; sha256: string; sizeBytes: number },
): StoredFullText {
  return place(filesDir, upload.sha256, upload.sizeBytes, (temporary) =>
    copyFileSync(upload.path, temporary, constants.COPYFILE_EXCL),
  )
}

/** True when the file on disk starts like a PDF. */
export function fileLooksLikePdf(path: string): boolean {
  const head = new Uint8Array(PDF_MAGIC.length)
  const fd = openSync(path, 'r')
  try {
    const read = readSync(fd, head, 0, head.length, 0)
    return looksLikePdf(head.subarray(0, read))
  } finally {
    closeSync(fd)
  }
}

/** Removes a file this upload created when the database then refused it, so nothing is left behind. */
export function discardFullText(filesDir: string, stored: StoredFullText): void {
  if (stored.created) rmSync(fullTextPath(filesDir, stored.sha256), { force: true })
}
