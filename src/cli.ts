/**
 * The `weft` command. `runCli` returns the exit code instead of exiting, so tests can run it in-process;
 * src/bin/weft.js is the thin executable around it.
 */
import { openDatabase } from '../db/client.ts'
import type { PasswordHasher } from './auth/password.ts'
import { parseCommandLine, type CliOptions } from './cli/args.ts'
import { HELP } from './cli/help.ts'
import { CliUsageError, type CliIo } from './cli/io.ts'
import { databasePath, DEFAULT_PORT } from './config.ts'
import { StoreConflictError } from './store/errors.ts'

function portOption(options: CliOptions): number {
  if (options.port === undefined) return Number(process.env.PORT ?? DEFAULT_PORT)
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliUsageError(`--port: not a port number: ${options.port}`)
  return port
}

async function serveCommand(options: CliOptions, io: CliIo): Promise<void> {
  // Loaded only to serve: the app's routes and views are most of the code, and other commands start faster without them.
  const { startServer } = await import('./server.ts')
  try {
    await startServer({
      dbPath: databasePath(options.db),
      port: portOption(options),
      hostname: options.host,
      demo: !options['no-demo'],
      log: io.out,
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliUsageError(`port ${portOption(options)} is already in use (choose another with --port)`)
    }
    throw error
  }
}

/**
 * Runs one command; resolves to the process exit code. `serve` resolves once the server listens.
 * `passwordHasher` (production scrypt unless given) is for tests, which create accounts by the dozen.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  deps: { passwordHasher?: PasswordHasher } = {},
): Promise<number> {
  try {
    const { words, options } = parseCommandLine(argv)
    const command = words.join(' ')
    if (options.help || command === '' || command === 'help') {
      io.out(HELP)
      return 0
    }
    if (command === 'serve') {
      await serveCommand(options, io)
      return 0
    }
    // Neither opens the database through the app: a backup reads it as it is, a restore replaces it.
    if (command === 'backup' || command === 'restore') {
      const { backupCommand, restoreCommand } = await import('./cli/backup.ts')
      await (command === 'backup' ? backupCommand : restoreCommand)(options, io)
      return 0
    }
    // Commands that take file names after their own words get them as `rest`. Each command loads only its
    // own modules, so `weft --help` or a mistyped option answers at once instead of after loading the app.
    const commands: Record<string, (db: ReturnType<typeof openDatabase>, rest: string[]) => Promise<void>> = {
      'user add': async (db) => (await import('./cli/user-add.ts')).userAdd(db, options, io, deps.passwordHasher),
      'review create': async (db) => (await import('./cli/review-create.ts')).reviewCreate(db, options, io),
      import: async (db, rest) => (await import('./cli/import.ts')).importFiles(db, options, rest, io),
      export: async (db) => (await import('./cli/export.ts')).exportRecords(db, options, io),
      dedup: async (db) => (await import('./cli/dedup.ts')).dedupReview(db, options, io),
      prisma: async (db) => (await import('./cli/prisma.ts')).printPrisma(db, options, io),
      'rank simulate': async () => (await import('./cli/rank-simulate.ts')).rankSimulate(options, io),
      'screen import': async (db, rest) => (await import('./cli/screen-import.ts')).screenImport(db, options, rest, io),
    }
    const name = [words.slice(0, 2).join(' '), words[0] ?? ''].find((candidate) => candidate in commands)
    const run = name === undefined ? undefined : commands[name]
    if (!run || (name !== 'import' && name !== 'screen import' && name !== command))
      throw new CliUsageError(`unknown command “${command}” (see weft --help)`)
    const rest = words.slice(name!.split(' ').length)
    const db = openDatabase(databasePath(options.db))
    try {
      await run(db, rest)
    } finally {
      db.$client.close()
    }
    return 0
  } catch (error) {
    if (error instanceof CliUsageError || error instanceof StoreConflictError) {
      io.err(`weft: ${error.message}`)
      return 1
    }
    throw error
  }
}
