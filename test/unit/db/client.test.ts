import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
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

  it('gives each in-memory database its own migrated copy, with foreign keys on', () => {
    const first = openDatabase(':memory:').$client
    const second = openDatabase(':memory:').$client
    const migrations = (sqlite: typeof first) =>
      sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
    expect(migrations(second).n).toBeGreaterThan(0)
    expect(migrations(second)).toEqual(migrations(first))
    first.exec("insert into users (email, name, password_hash, created_at) values ('a@example.org', 'A', 'x', 0)")
    expect(second.prepare('select count(*) as n from users').get()).toEqual({ n: 0 })
    expect(second.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() =>
      second.exec(
        "insert into sessions (id, secret_hash, form_key, user_id, created_at, expires_at) values ('s', 'h', 'k', 999, 0, 0)",
      ),
    ).toThrow(/FOREIGN KEY/)
  })

  it('gives a new database 32 KiB pages, so a record with its abstract and original text fits one page, and keeps an existing one’s', () => {
    const folder = mkdtempSync(join(tmpdir(), 'weft-db-'))
    const fresh = openDatabase(join(folder, 'new.db')).$client
    expect(fresh.pragma('page_size', { simple: true })).toBe(32768)
    fresh.close()
    const oldPath = join(folder, 'old.db')
    const old = new Database(oldPath)
    old.pragma('page_size = 4096')
    old.exec('create table earlier (id integer primary key)')
    old.close()
    const reopened = openDatabase(oldPath).$client
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096)
    reopened.close()
  })

  it('takes --db over WEFT_DB over ./data/weft.db', () => {
    expect(databasePath('/x.db', { WEFT_DB: '/y.db' })).toBe('/x.db')
    expect(databasePath(undefined, { WEFT_DB: '/y.db' })).toBe('/y.db')
    expect(databasePath(undefined, {})).toBe('./data/weft.db')
  })
})
