/**
 * `weft restore`: puts a backup made by `weft backup` in place of a database and its stored files. The
 * archive is unpacked beside the target and checked first (every entry against the manifest's SHA-256,
 * SQLite's integrity check, a Weft schema); only then are the old files replaced, and only with --force.
 * Stop the server first: a running server keeps the old database open.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { filesDirFor } from '../config.ts'
import { BackupFileError, DATABASE_NAME, readArchive } from './archive.ts'
import { integrityProblems } from './integrity.ts'

export interface RestoreSummary {
  database: string
  createdAt: string
  files: number
  reviews: number
}

function hasContent(folder: string): boolean {
  return existsSync(folder) && readdirSync(folder).length > 0
}

function countReviews(path: string): number {
  const db = new Database(path, { fileMustExist: true, readonly: true })
  try {
    const table = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'reviews'`).get()
    if (!table) throw new BackupFileError('the backup’s database is not a Weft database (it has no reviews table)')
    return (db.prepare('select count(*) as n from reviews').get() as { n: number }).n
  } finally {
    db.close()
  }
}

export async function restoreBackup(archive: string, dbPath: string, force: boolean): Promise<RestoreSummary> {
  if (!existsSync(archive)) throw new BackupFileError(`there is no backup at ${archive}`)
  const target = resolve(dbPath)
  const filesDir = filesDirFor(target)
  if (!force && (existsSync(target) || hasContent(filesDir)))
    throw new BackupFileError(
      `${dbPath} already exists; add --force to replace it and its stored files with the backup`,
    )
  mkdirSync(dirname(target), { recursive: true })
  const work = mkdtempSync(join(dirname(target), '.weft-restore-'))
  try {
    const manifest = await readArchive(archive, work)
    const database = join(work, DATABASE_NAME)
    const problems = integrityProblems(database)
    if (problems.length > 0)
      throw new BackupFileError(`the backup’s database fails its integrity check: ${problems[0]}`)
    const reviews = countReviews(database)

    // The old database's WAL and shared memory must go with it: left behind, SQLite would replay them
    // onto the restored file.
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
    const oldFiles = join(work, 'files.old')
    if (existsSync(filesDir)) renameSync(filesDir, oldFiles)
    renameSync(database, target)
    if (existsSync(join(work, 'files'))) renameSync(join(work, 'files'), filesDir)
    return {
      database: target,
      createdAt: manifest.createdAt,
      files: manifest.entries.length - 1,
      reviews,
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
