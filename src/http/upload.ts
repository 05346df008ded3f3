/**
 * Reference files uploaded in the browser: the size limit, the files of a multipart form, and their
 * bytes as the importer wants them (a SHA-256 to catch a repeated file, and chunks to parse).
 */
import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'

/** The largest upload Weft accepts at once: a 100,000-record RIS export is about 280 MB. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

export function tooLargeMessage(maxBytes: number): string {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return (
    `The upload is larger than ${mb} MB, the most Weft accepts at once, so nothing was imported. ` +
    'Upload the files one at a time, split the export, or import it from the shell with weft import.'
  )
}

/**
 * Refuses a request whose Content-Length says it is over the limit with 413, before the route reads
 * its body. Requests sent in chunks (no Content-Length) are checked file by file once parsed.
 */
export function uploadLimit(maxBytes = MAX_UPLOAD_BYTES): MiddlewareHandler {
  return async function uploadLimit(c, next) {
    const declared = Number(c.req.header('content-length') ?? '0')
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new HTTPException(413, { message: tooLargeMessage(maxBytes) })
    }
    await next()
  }
}

/**
 * The files of a form field (parsed with `all: true`), without the empty part a browser sends when no
 * file was chosen.
 */
export function uploadedFiles(value: unknown): File[] {
  const values = Array.isArray(value) ? value : [value]
  return values.filter((item): item is File => item instanceof File && (item.name !== '' || item.size > 0))
}

/** The strings of a repeated form field (`name[]`), in the order the form sent them. */
export function formList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.filter((item): item is string => typeof item === 'string')
}

export interface UploadedBytes {
  fileName: string
  bytes: Uint8Array
  sha256: string
  sizeBytes: number
}

export async function readUpload(file: File): Promise<UploadedBytes> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  return {
    // Some browsers send a path ("C:\\fakepath\\x.ris" or folders); only the name means anything here.
    fileName: file.name.split(/[\\/]/).pop() || 'upload',
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.byteLength,
  }
}

/**
 * The bytes in slices (views, not copies), so the parser works through a large file the same way it
 * works through one read from disk.
 */
export function* chunksOf(bytes: Uint8Array, size = 4 * 1024 * 1024): Generator<Uint8Array> {
  for (let start = 0; start < bytes.byteLength; start += size) yield bytes.subarray(start, start + size)
}
