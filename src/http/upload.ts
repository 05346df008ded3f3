/**
 * Reference files uploaded in the browser: the size limit and the repeated fields of an upload form.
 * The files themselves stream to disk (multipart-stream.ts).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv, AppVariables } from './env.ts'
import { FORM_TOKEN_FIELD } from './form-token.ts'
import { receiveMultipart, type ReceivedUpload, type UploadHooks } from './multipart-stream.ts'

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

export function isMultipart(c: Context): boolean {
  return (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
}

/** Marks a route as one that takes uploads: the form guard refuses multipart bodies sent anywhere else. */
export function acceptsUploads(): MiddlewareHandler<AppEnv> {
  return async function acceptsUploads(c, next) {
    c.set('acceptsUploads', true)
    await next()
  }
}

/**
 * The one way an upload is read: busboy streams its files to temporary files under `maxBytes`, and the
 * form token (sent before the files) is claimed on the way, so a forged or replayed upload is refused
 * before any file is written. The caller removes the files when done.
 */
export function receiveUpload<E extends AppEnv>(
  c: Context<E>,
  upload: { fileField: string; maxBytes: number },
  hooks: Omit<UploadHooks, 'token'> = {},
): Promise<ReceivedUpload> {
  const claim = (c.var as AppVariables).claimUploadToken
  const token = claim ? { field: FORM_TOKEN_FIELD, accept: claim } : undefined
  return receiveMultipart(c.req.raw, upload.fileField, upload.maxBytes, token ? { ...hooks, token } : hooks)
}

/**
 * Marks a route as one that takes uploads, and refuses a request whose Content-Length says it is over
 * the limit with 413, before the route reads its body. Requests sent in chunks (no Content-Length) are
 * checked as their files stream to disk.
 */
export function uploadLimit(limit?: number, message?: string): MiddlewareHandler<AppEnv> {
  return async function uploadLimit(c, next) {
    c.set('acceptsUploads', true)
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
