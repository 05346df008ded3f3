/**
 * `weft backup`: a consistent copy of a database that may be in use (SQLite's online backup API, through
 * better-sqlite3's db.backup()) together with its stored full texts, as one archive file.
 *
 * The database is copied first, in one step, so the copy is one moment of it even while the server
 * writes (WAL lets it go on writing meanwhile). Full texts are written to disk before the rows that
 * name them and never change, so every file the copy refers to exists when the files are copied after it.
 */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import Database from 'better-sqlite3'
import { filesDirFor } from '../config.ts'
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFileError,
  DATABASE_NAME,
  fileDigest,
  writeArchive,
  type ArchivedFile,
  type BackupManifest,
} from './archive.ts'
import { integrityProblems } from './integrity.ts'

/** Pages copied per step: all of them, so that no write by the server can restart the copy half-way. */
const ALL_PAGES = 0x7fffffff

export interface BackupSummary {
  out: string
  databaseBytes: number
  files: number
  fileBytes: number
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.includes('.tmp-'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

export async function createBackup(dbPath: string, out: string): Promise<BackupSummary> {
  if (!existsSync(dbPath)) throw new BackupFileError(`there is no database at ${dbPath}`)
  const target = resolve(out)
  if (!existsSync(dirname(target))) throw new BackupFileError(`the folder ${dirname(target)} does not exist`)
  const work = mkdtempSync(join(dirname(target), '.weft-backup-'))
  try {
    const snapshot = join(work, DATABASE_NAME)
    const source = new Database(dbPath, { fileMustExist: true })
    try {
      await source.backup(snapshot, { progress: () => ALL_PAGES })
    } finally {
      source.close()
    }
    const problems = integrityProblems(snapshot)
    if (problems.length > 0) throw new BackupFileError(`the database fails its integrity check: ${problems[0]}`)

    const filesDir = filesDirFor(dbPath)
    const paths = new Map<string, string>([[DATABASE_NAME, snapshot]])
    const entries: ArchivedFile[] = [{ name: DATABASE_NAME, ...(await fileDigest(snapshot)) }]
    for (const path of filesUnder(filesDir)) {
      const name = ['files', ...relative(filesDir, path).split(sep)].join('/')
      paths.set(name, path)
      entries.push({ name, ...(await fileDigest(path)) })
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      entries,
    }
    // Written under a temporary name and renamed: a backup cut short never looks like a finished one.
    const partial = join(work, 'backup.partial')
    await writeArchive(partial, manifest, (entry) => paths.get(entry.name)!)
    renameSync(partial, target)
    const files = entries.slice(1)
    return {
      out: target,
      databaseBytes: statSync(snapshot).size,
      files: files.length,
      fileBytes: files.reduce((sum, file) => sum + file.size, 0),
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
