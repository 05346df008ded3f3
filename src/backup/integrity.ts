import Database from 'better-sqlite3'

/** What SQLite's integrity check finds wrong with a database file (empty when it answers "ok"). */
export function integrityProblems(path: string): string[] {
  const db = new Database(path, { fileMustExist: true })
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const problems = rows.map((row) => row.integrity_check).filter((answer) => answer !== 'ok')
    const foreignKeys = db.pragma('foreign_key_check') as unknown[]
    if (foreignKeys.length > 0) problems.push(`${foreignKeys.length} rows point at rows that do not exist`)
    return problems
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)]
  } finally {
    db.close()
  }
}
