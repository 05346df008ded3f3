import { createBackup } from '../backup/backup.ts'
import { BackupFileError } from '../backup/archive.ts'
import { restoreBackup } from '../backup/restore.ts'
import { databasePath } from '../config.ts'
import type { CliOptions } from './args.ts'
import { CliUsageError, report, type CliIo } from './io.ts'

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

/** A damaged or foreign backup, or a missing file, is the user's to fix: one line, exit 1. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof BackupFileError) throw new CliUsageError(error.message)
    throw error
  }
}

/** `weft backup --out FILE`: the database (while the server runs) and its full texts, in one file. */
export async function backupCommand(options: CliOptions, io: CliIo): Promise<void> {
  if (!options.out) throw new CliUsageError('missing --out FILE')
  const summary = await asUsage(() => createBackup(databasePath(options.db), options.out!))
  report(
    io,
    options.json ?? false,
    { ...summary },
    `Backed up the database (${megabytes(summary.databaseBytes)}) and ${summary.files} stored files (${megabytes(summary.fileBytes)}) to ${summary.out}`,
  )
}

/** `weft restore --from FILE [--force]`: checks the backup, then puts it in place of the database. */
export async function restoreCommand(options: CliOptions, io: CliIo): Promise<void> {
  if (!options.from) throw new CliUsageError('missing --from FILE')
  const summary = await asUsage(() => restoreBackup(options.from!, databasePath(options.db), options.force ?? false))
  report(
    io,
    options.json ?? false,
    { ...summary },
    `Restored ${summary.database} from the backup of ${summary.createdAt}: ${summary.reviews} reviews, ${summary.files} stored files`,
  )
}
