import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { CliUsageError } from './io.ts'

const CHUNK_BYTES = 1 << 20

/** The file's bytes, a megabyte at a time, read synchronously (the import transaction cannot await). */
export function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r')
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES)
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null)
      if (read === 0) return
      yield buffer.subarray(0, read)
    }
  } finally {
    closeSync(fd)
  }
}

export interface FileFacts {
  sizeBytes: number
  sha256: string
}

/** Size and SHA-256 of a file, or a usage error saying why it cannot be read. */
export function fileFacts(path: string): FileFacts {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) throw new CliUsageError(`${path} is not a file`)
    size = stat.size
  } catch (error) {
    if (error instanceof CliUsageError) throw error
    throw new CliUsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  const hash = createHash('sha256')
  for (const chunk of fileChunks(path)) hash.update(chunk)
  return { sizeBytes: size, sha256: hash.digest('hex') }
}
