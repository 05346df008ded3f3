import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { startWalCheckpoints } from '../../db/wal-checkpoints.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function fileDatabase() {
  const folder = mkdtempSync(join(tmpdir(), 'weft-wal-'))
  folders.push(folder)
  const path = join(folder, 'weft.db')
  const db = openDatabase(path)
  db.$client.exec('CREATE TABLE vote_pages (id INTEGER PRIMARY KEY, body BLOB)')
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  return { db, path }
}

/** ~1,500 commits of one 32 KiB page each: past the 1,000 pages at which SQLite checkpoints in a commit. */
function commitManyPages(db: ReturnType<typeof openDatabase>) {
  const insert = db.$client.prepare('INSERT INTO vote_pages (body) VALUES (?)')
  const page = Buffer.alloc(30_000, 7)
  for (let i = 0; i < 1_500; i++) db.transaction(() => insert.run(page))
}

describe('checkpoints of the write-ahead log', () => {
  it('leaves no checkpoint to a reviewer’s commit while the server runs', async () => {
    const { db, path } = fileDatabase()
    const sizeBefore = statSync(path).size
    const checkpoints = startWalCheckpoints(db.$client, 60 * 60 * 1000)
    commitManyPages(db)
    // No commit copied the log back into the database file: it has not grown.
    expect(statSync(path).size).toBe(sizeBefore)
    await checkpoints.stop()
    expect(statSync(path).size).toBeGreaterThan(sizeBefore + 1_000 * 30_000)
    db.$client.close()
  })

  it('checkpoints on its own thread every interval', async () => {
    const { db, path } = fileDatabase()
    const sizeBefore = statSync(path).size
    const checkpoints = startWalCheckpoints(db.$client, 20)
    commitManyPages(db)
    // The thread may have copied part of the log while the commits ran: wait for all of it.
    const checkpointed = () => statSync(path).size > sizeBefore + 1_000 * 30_000
    for (let wait = 0; wait < 250 && !checkpointed(); wait++) await sleep(20)
    expect(checkpointed()).toBe(true)
    await checkpoints.stop()
    db.$client.close()
  })

  it('gives checkpoints back to the connection when stopped', async () => {
    const { db } = fileDatabase()
    const checkpoints = startWalCheckpoints(db.$client, 60 * 60 * 1000)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    await checkpoints.stop()
    await sleep(0)
    expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    db.$client.close()
  })
})
