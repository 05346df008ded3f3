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
  /**
   * The form token, which Weft's forms send before their files: `accept` is called with the field's value
   * as it arrives, or with undefined when a file part (or the end) comes first, and throws to refuse the
   * upload; no file is written before it has accepted.
   */
  token?: { field: string; accept: (value: string | undefined) => void }
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
    let tokenAccepted = hooks.token === undefined
    /** False once the upload has been refused for its token. */
    const tokenFine = (value: string | undefined) => {
      if (tokenAccepted) return true
      try {
        hooks.token!.accept(value)
        tokenAccepted = true
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)))
      }
      return tokenAccepted
    }
    parser.on('field', (name, value) => {
      if (failed || (name === hooks.token?.field && !tokenFine(value))) return
      hooks.onField?.(name, value)
      const earlier = fields[name]
      fields[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value]
    })
    parser.on('file', (name, stream, info) => {
      if (failed || !tokenFine(undefined)) {
        stream.resume()
        return
      }
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
      if (!tokenFine(undefined)) return
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
