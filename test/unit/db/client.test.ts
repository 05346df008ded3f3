import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { databasePath } from '../../../src/config.ts'

describe('opening the database', () => {
  it('creates the folder, migrates, and sets WAL, foreign keys and a busy timeout', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'weft-db-')), 'nested', 'weft.db')
    const db = openDatabase(path)
    const sqlite = db.$client
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'reviews',
        'memberships',
        'sources',
        'exclusion_reasons',
        'audit_events',
      ]),
    )
    sqlite.close()
    // Opening again applies no migration twice.
    openDatabase(path).$client.close()
  })

  it('takes --db over WEFT_DB over ./data/weft.db', () => {
    expect(databasePath('/x.db', { WEFT_DB: '/y.db' })).toBe('/x.db')
    expect(databasePath(undefined, { WEFT_DB: '/y.db' })).toBe('/y.db')
    expect(databasePath(undefined, {})).toBe('./data/weft.db')
  })
})
