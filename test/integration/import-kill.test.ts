/**
 * A `weft import` of 50,000 records killed with SIGKILL part-way, ten times: each restart finds the
 * database intact (PRAGMA integrity_check) and no partial batch (every batch holds exactly the records
 * it counted), and the file then imports whole. The import is one transaction; this holds it to that.
 */
import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { seededRandom } from '../support/seeded-random.ts'
import { syntheticRisChunks } from '../support/synthetic-ris.ts'
import { weft } from '../support/cli.ts'

const RECORDS = 50_000
const KILLS = 10
const root = join(import.meta.dirname, '../..')

/** The batches whose stored records differ from what they counted, and records of no batch. */
function partialBatches(dbPath: string) {
  const db = openDatabase(dbPath)
  try {
    const client = db.$client
    const integrity = (client.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check
    const partial = client
      .prepare(
        `select b.id, b.records_read as counted, (select count(*) from records r where r.batch_id = b.id) as stored
         from import_batches b where counted <> stored`,
      )
      .all()
    const orphans = (
      client
        .prepare('select count(*) as n from records where batch_id not in (select id from import_batches)')
        .get() as { n: number }
    ).n
    const batches = (client.prepare('select count(*) as n from import_batches').get() as { n: number }).n
    return { integrity, partial, orphans, batches }
  } finally {
    db.$client.close()
  }
}

/**
 * Starts the import and kills it once its uncommitted transaction has spilled `killAtBytes` into the
 * write-ahead log: part-way through storing the records, wherever the threshold falls.
 */
function importKilledAt(
  dbPath: string,
  file: string,
  killAtBytes: number,
  tempFolder: string,
): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'src/bin/weft.js'),
        'import',
        '--db',
        dbPath,
        '--review',
        'killed',
        '--source',
        'MEDLINE',
        '--force',
        file,
      ],
      { cwd: root, stdio: 'ignore', env: { ...process.env, TMPDIR: tempFolder } },
    )
    let killed = false
    const watch = setInterval(() => {
      const wal = `${dbPath}-wal`
      if (!killed && existsSync(wal) && statSync(wal).size >= killAtBytes) {
        killed = true
        child.kill('SIGKILL')
      }
    }, 5)
    child.on('exit', () => {
      clearInterval(watch)
      resolve(killed ? 'killed' : 'finished')
    })
  })
}

describe('an import killed part-way', () => {
  it('leaves an intact database and no partial batch, ten times over, then imports whole', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'weft-kill-'))
    try {
      const dbPath = join(folder, 'weft.db')
      const file = join(folder, 'search.ris')
      // The imports' own temp folder, to see the staging folders a killed import leaves behind.
      const tempFolder = join(folder, 'tmp')
      mkdirSync(tempFolder)
      const staging = () => readdirSync(tempFolder).filter((name) => name.startsWith('weft-import-staging-'))
      let leftBehind = 0
      const fd = openSync(file, 'w')
      for (const chunk of syntheticRisChunks(RECORDS)) writeSync(fd, chunk)
      closeSync(fd)
      expect((await weft(['review', 'create', '--db', dbPath, '--slug', 'killed', '--title', 'Killed'])).code).toBe(0)
      const random = seededRandom(18)
      const outcomes: string[] = []
      for (let kill = 0; kill < KILLS; kill++) {
        // Between 1 MB and 60 MB of the ~150 MB the import writes: early and part-way.
        const killAt = Math.round((1 + random() * 59) * 1e6)
        outcomes.push(await importKilledAt(dbPath, file, killAt, tempFolder))
        // The killed import's staging folder: the next import removes it (its process is gone).
        leftBehind = Math.max(leftBehind, staging().length)
        const after = partialBatches(dbPath)
        expect(after.integrity).toBe('ok')
        expect(after.partial).toEqual([])
        expect(after.orphans).toBe(0)
        expect(after.batches).toBe(0)
      }
      expect(outcomes).toEqual(Array(KILLS).fill('killed'))

      // In this process, with the same temp folder (os.tmpdir() reads TMPDIR at each call).
      const ownTemp = process.env['TMPDIR']
      process.env['TMPDIR'] = tempFolder
      const whole = await weft(['import', '--db', dbPath, '--review', 'killed', '--source', 'MEDLINE', '--json', file])
      if (ownTemp === undefined) delete process.env['TMPDIR']
      else process.env['TMPDIR'] = ownTemp
      expect(whole.code).toBe(0)
      expect(JSON.parse(whole.out.join(''))).toMatchObject({ read: RECORDS, imported: RECORDS })
      expect(partialBatches(dbPath)).toMatchObject({ integrity: 'ok', partial: [], orphans: 0, batches: 1 })
      expect(leftBehind).toBe(1)
      expect(staging()).toEqual([])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }, 300_000)
})
