/**
 * Weft's backup file: one tar archive (readable with any `tar tf`) holding, in this order,
 * `weft-backup.json` (the manifest: format, version, when, and the size and SHA-256 of every other entry),
 * `weft.db` (a consistent snapshot of the database) and `files/…` (the stored full texts, by SHA-256).
 */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { extract as tarExtract, pack as tarPack, type Header } from 'tar-stream'

export const MANIFEST_NAME = 'weft-backup.json'
export const DATABASE_NAME = 'weft.db'
export const BACKUP_FORMAT = 'weft-backup'
export const BACKUP_VERSION = 1

export interface ArchivedFile {
  /** Path inside the archive: weft.db, or files/… relative to the database's files folder. */
  name: string
  size: number
  sha256: string
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  entries: ArchivedFile[]
}

export class BackupFileError extends Error {}

/** SHA-256 and size of a file, read as a stream. */
export async function fileDigest(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    size += chunk.byteLength
  }
  return { sha256: hash.digest('hex'), size }
}

/** Writes `source` into a tar-stream (streamx) writable, waiting whenever it asks to. */
async function writeInto(
  sink: { write(chunk: Buffer): boolean; end(): unknown } & NodeJS.EventEmitter,
  source: AsyncIterable<Buffer>,
) {
  for await (const chunk of source) if (!sink.write(chunk)) await once(sink, 'drain')
  sink.end()
}

/** Writes the archive: the manifest first, then each entry streamed from `pathOf(entry)`. */
export async function writeArchive(
  out: string,
  manifest: BackupManifest,
  pathOf: (entry: ArchivedFile) => string,
): Promise<void> {
  const pack = tarPack()
  const written = pipeline(Readable.from(pack), createWriteStream(out))
  const add = (header: Pick<Header, 'name' | 'size'>, source: string | Buffer) =>
    new Promise<void>((resolve, reject) => {
      if (typeof source !== 'string') {
        pack.entry(header, source, (error) => (error ? reject(error) : resolve()))
        return
      }
      const entry = pack.entry(header, (error) => (error ? reject(error) : resolve()))
      writeInto(entry as never, createReadStream(source)).catch(reject)
    })
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2))
  await add({ name: MANIFEST_NAME, size: manifestBytes.byteLength }, manifestBytes)
  for (const entry of manifest.entries) await add({ name: entry.name, size: entry.size }, pathOf(entry))
  pack.finalize()
  await written
}

/** An entry name that stays inside the folder it is unpacked to. */
function safeName(name: string): boolean {
  const normal = posix.normalize(name)
  return (
    normal === name &&
    !name.startsWith('/') &&
    !name.split('/').includes('..') &&
    (name === MANIFEST_NAME || name === DATABASE_NAME || name.startsWith('files/'))
  )
}

/**
 * Unpacks the archive into `folder` and checks it against its manifest: every entry present with its
 * size and SHA-256, nothing else. Throws BackupFileError saying what is wrong.
 */
export async function readArchive(archive: string, folder: string): Promise<BackupManifest> {
  const extract = tarExtract()
  const found = new Map<string, { size: number; sha256: string }>()
  let manifestText: string | null = null
  const feeding = writeInto(extract as never, createReadStream(archive))
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header
      if (type !== 'file' || !safeName(name)) throw new BackupFileError(`unexpected entry “${name}” in the backup`)
      if (name === MANIFEST_NAME) {
        const chunks: Buffer[] = []
        for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk)
        manifestText = Buffer.concat(chunks).toString('utf8')
        continue
      }
      const target = join(folder, ...name.split('/'))
      mkdirSync(dirname(target), { recursive: true })
      const hash = createHash('sha256')
      let size = 0
      async function* counted(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk)
          size += chunk.byteLength
          yield chunk
        }
      }
      await pipeline(Readable.from(counted(entry as AsyncIterable<Buffer>)), createWriteStream(target))
      found.set(name, { size, sha256: hash.digest('hex') })
    }
    await feeding
  } catch (error) {
    extract.destroy()
    await feeding.catch(() => undefined)
    if (error instanceof BackupFileError) throw error
    throw new BackupFileError(`not a readable Weft backup (${error instanceof Error ? error.message : String(error)})`)
  }
  return checkedManifest(manifestText, found)
}

function checkedManifest(text: string | null, found: Map<string, { size: number; sha256: string }>): BackupManifest {
  if (text === null) throw new BackupFileError(`not a Weft backup: it has no ${MANIFEST_NAME}`)
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(text) as BackupManifest
  } catch {
    throw new BackupFileError(`${MANIFEST_NAME} is not valid JSON`)
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.entries))
    throw new BackupFileError(`not a Weft backup: ${MANIFEST_NAME} does not describe one`)
  if (manifest.version > BACKUP_VERSION)
    throw new BackupFileError(
      `the backup is of format version ${manifest.version}; this Weft reads up to ${BACKUP_VERSION}`,
    )
  const listed = new Set(manifest.entries.map((entry) => entry.name))
  if (!listed.has(DATABASE_NAME)) throw new BackupFileError('the backup holds no database')
  for (const entry of manifest.entries) {
    const got = found.get(entry.name)
    if (!got) throw new BackupFileError(`${entry.name} is listed in the backup but missing from it`)
    if (got.size !== entry.size || got.sha256 !== entry.sha256)
      throw new BackupFileError(`${entry.name} is damaged: its size or SHA-256 differs from the backup's manifest`)
  }
  for (const name of found.keys())
    if (!listed.has(name)) throw new BackupFileError(`${name} is in the backup but not in its manifest`)
  return manifest
}
