/**
 * A browser upload streamed to disk as it arrives: each file part goes to a temporary file (hashed on
 * the way), text fields are collected, and the size limit is enforced while the bytes flow, so a
 * 280 MB export never sits in memory. Parsing is busboy's (the multipart parser behind multer and
 * fastify's uploads); this module only decides where bytes go.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import busboy from 'busboy'

/** One uploaded file, on disk. */
export interface ReceivedFile {
  /** The name the browser gave, without any folder part. */
  fileName: string
  path: string
  sha256: string
  sizeBytes: number
}

/** The form as received: text fields (repeated ones as arrays, like parseBody with `all: true`) and files. */
export interface ReceivedUpload {
  fields: Record<string, string | string[]>
  files: ReceivedFile[]
  /** Deletes the temporary files; safe to call more than once. */
  remove: () => Promise<void>
}

/** What the caller is told while the upload arrives. */
export interface UploadHooks {
  /** Each text field as it arrives, before the parts after it are read. */
  onField?: (name: string, value: string) => void
  /** The request's bytes received so far. */
  onBytes?: (bytes: number) => void
}

/** The upload went over the limit; its temporary files are already gone. */
export class UploadTooLarge extends Error {}

/** Text fields are small; anything larger is not from Weft's forms. */
const FIELD_LIMITS = { fieldSize: 1024 * 1024, fields: 1000, parts: 2000 }

/**
 * Streams a multipart/form-data request: files named `fileField` to a new temporary folder, text fields
 * into memory. Throws UploadTooLarge when the files together exceed `maxBytes` (after removing what was
 * written); on any other failure the files are removed too.
 */
export async function receiveMultipart(
  request: Request,
  fileField: string,
  maxBytes: number,
  hooks: UploadHooks = {},
): Promise<ReceivedUpload> {
  const folder = await mkdtemp(join(tmpdir(), 'weft-upload-'))
  const remove = () => rm(folder, { recursive: true, force: true })
  try {
    return await streamParts(request, folder, fileField, maxBytes, remove, hooks)
  } catch (error) {
    await remove()
    throw error
  }
}

function streamParts(
  request: Request,
  folder: string,
  fileField: string,
  maxBytes: number,
  remove: () => Promise<void>,
  hooks: UploadHooks,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(request.headers)
    // Browsers send file names as UTF-8; busboy's default (latin1) would turn “Müller.pdf” into mojibake.
    const parser = busboy({ headers, limits: FIELD_LIMITS, preservePath: false, defParamCharset: 'utf8' })
    const fields: Record<string, string | string[]> = {}
    const files: ReceivedFile[] = []
    const writes: Promise<void>[] = []
    let total = 0
    let failed = false
    const body = request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : Readable.from([])
    const fail = (error: Error) => {
      if (failed) return
      failed = true
      body.unpipe(parser)
      body.destroy()
      parser.removeAllListeners('close')
      reject(error)
    }
    parser.on('field', (name, value) => {
      hooks.onField?.(name, value)
      const earlier = fields[name]
      fields[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value]
    })
    parser.on('file', (name, stream, info) => {
      // An empty file input still sends a part, with no name: it is not a file.
      if (name !== fileField || info.filename === undefined || info.filename === '') {
        stream.resume()
        return
      }
      const path = join(folder, String(files.length))
      const file: ReceivedFile = {
        fileName: info.filename.split(/[\\/]/).pop() || 'upload',
        path,
        sha256: '',
        sizeBytes: 0,
      }
      files.push(file)
      const hash = createHash('sha256')
      const out = createWriteStream(path)
      stream.on('data', (chunk: Buffer) => {
        file.sizeBytes += chunk.length
        total += chunk.length
        if (total > maxBytes) {
          stream.destroy()
          out.destroy()
          fail(new UploadTooLarge())
          return
        }
        hash.update(chunk)
      })
      const written = new Promise<void>((done, error) => {
        out.on('finish', () => {
          file.sha256 = hash.digest('hex')
          done()
        })
        out.on('error', error)
      })
      // After a failure nobody waits for the write any more; its error must not go unhandled.
      written.catch(() => undefined)
      writes.push(written)
      stream.pipe(out)
    })
    parser.on('error', (error: Error) => fail(error))
    body.on('error', (error: Error) => fail(error))
    const onBytes = hooks.onBytes
    if (onBytes) {
      let received = 0
      body.on('data', (chunk: Buffer) => onBytes((received += chunk.length)))
    }
    parser.on('close', () => {
      Promise.all(writes).then(
        () => {
          if (!failed) resolve({ fields, files, remove })
        },
        (error: Error) => fail(error),
      )
    })
    body.pipe(parser)
  })
}

/**
 * The value of a text field that comes before any file in a multipart body (the form token is the first
 * field of Weft's upload forms), read without consuming the body: the bytes read are put back in front
 * of the rest, in a new request the caller uses from then on. Undefined when a file part comes first or
 * the field is not in the first `limit` bytes.
 */
export async function peekLeadingField(
  request: Request,
  name: string,
  limit = 64 * 1024,
): Promise<{ value: string | undefined; request: Request }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers.get('content-type') ?? '')
  const marker = boundary?.[1] ?? boundary?.[2]
  if (!request.body || marker === undefined) return { value: undefined, request }
  const reader = request.body.getReader()
  const seen: Uint8Array[] = []
  let size = 0
  let found: string | null | undefined
  while (found === undefined && size < limit) {
    const { done, value } = await reader.read()
    if (done) break
    seen.push(value)
    size += value.byteLength
    found = leadingField(Buffer.concat(seen).toString('latin1'), `--${marker}`, name)
  }
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk)
    },
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel(reason) {
      return reader.cancel(reason)
    },
  })
  const init: RequestInit & { duplex: 'half' } = {
    method: request.method,
    headers: request.headers,
    body: rest,
    duplex: 'half',
  }
  const value = typeof found === 'string' ? Buffer.from(found, 'latin1').toString('utf8') : undefined
  return { value, request: new Request(request.url, init) }
}

/**
 * Looks through the parts at the start of a multipart body (as latin1 text) for a text field: its value,
 * null when a file part or the end comes first, undefined when more bytes are needed to tell.
 */
function leadingField(text: string, delimiter: string, name: string): string | null | undefined {
  let at = text.indexOf(delimiter)
  if (at < 0) return undefined
  for (;;) {
    const headersStart = at + delimiter.length
    if (text.startsWith('--', headersStart)) return null
    const headersEnd = text.indexOf('\r\n\r\n', headersStart)
    if (headersEnd < 0) return undefined
    const head = text.slice(headersStart, headersEnd)
    if (/filename=/i.test(head)) return null
    const next = text.indexOf(`\r\n${delimiter}`, headersEnd + 4)
    if (next < 0) return undefined
    const field = /name="([^"]*)"/i.exec(head)?.[1]
    if (field === name) return text.slice(headersEnd + 4, next)
    at = next + 2
  }
}
