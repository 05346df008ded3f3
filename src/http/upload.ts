/**
 * Reference files uploaded in the browser: the size limit and the repeated fields of an upload form.
 * The files themselves stream to disk (multipart-stream.ts).
 */
import type { MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'

/** The largest upload Weft accepts at once: a 100,000-record RIS export is about 280 MB. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

/** The upload limit in force: WEFT_UPLOAD_LIMIT_MB when set (a smaller server, a test), else 512 MB. */
export function maxUploadBytes(): number {
  const mb = Number(process.env['WEFT_UPLOAD_LIMIT_MB'])
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : MAX_UPLOAD_BYTES
}

export function tooLargeMessage(maxBytes: number): string {
  const mb = Math.round(maxBytes / (1024 * 1024))
  return (
    `The upload is larger than ${mb} MB, the most Weft accepts at once, so nothing was imported. ` +
    'Upload the files one at a time, split the export, or import it from the shell with weft import.'
  )
}

/**
 * Refuses a request whose Content-Length says it is over the limit with 413, before the route reads
 * its body. Requests sent in chunks (no Content-Length) are checked as their files stream to disk.
 */
export function uploadLimit(limit?: number, message?: string): MiddlewareHandler {
  return async function uploadLimit(c, next) {
    const maxBytes = limit ?? maxUploadBytes()
    const declared = Number(c.req.header('content-length') ?? '0')
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new HTTPException(413, { message: message ?? tooLargeMessage(maxBytes) })
    }
    await next()
  }
}

/** The strings of a repeated form field (`name[]`), in the order the form sent them. */
export function formList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.filter((item): item is string => typeof item === 'string')
}
