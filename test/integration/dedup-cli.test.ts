import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { duplicateCandidates, records } from '../../db/schema.ts'
import { weft } from '../support/cli.ts'

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/formats', name)

async function twoDatabasesImported() {
  const db = join(mkdtempSync(join(tmpdir(), 'weft-dedup-')), 'weft.db')
  await weft(['review', 'create', '--db', db, '--slug', 'lw', '--title', 'Link workers'])
  await weft(['import', '--db', db, '--review', 'lw', '--source', 'MEDLINE', fixture('ovid.ris')])
  await weft(['import', '--db', db, '--review', 'lw', '--source', 'Scopus', fixture('scopus-overlap.ris')])
  return db
}

function read(db: string) {
  const database = openDatabase(db)
  const rows = {
    records: database.select().from(records).all(),
    candidates: database.select().from(duplicateCandidates).all(),
  }
  database.$client.close()
  return rows
}

describe('weft dedup', () => {
  it('merges the same article exported by two databases and keeps both records with their sources', async () => {
    const db = await twoDatabasesImported()
    const result = await weft(['dedup', '--db', db, '--review', 'lw', '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.out[0]!)
    expect(report.merged_auto).toBe(1)
    const { records: rows } = read(db)
    expect(rows).toHaveLength(5)
    const ovid = rows.find((row) => row.sourceId === 1 && row.doi === '10.1111/hsc.13001')!
    const scopus = rows.find((row) => row.sourceId === 2 && row.doi === '10.1111/hsc.13001')!
    // The more complete record is the primary; the other points at it.
    const [primary, duplicate] = ovid.duplicateOf === null ? [ovid, scopus] : [scopus, ovid]
    expect(primary.duplicateOf).toBeNull()
    expect(duplicate.duplicateOf).toBe(primary.id)
  })

  it('sends an erratum and its article to a reviewer instead of merging them', async () => {
    const db = await twoDatabasesImported()
    await weft(['dedup', '--db', db, '--review', 'lw'])
    const { records: rows, candidates } = read(db)
    const erratum = rows.find((row) => row.title?.startsWith('Erratum'))!
    expect(erratum.duplicateOf).toBeNull()
    const pairs = candidates.filter((pair) => pair.recordA === erratum.id || pair.recordB === erratum.id)
    expect(pairs.every((pair) => pair.status === 'pending')).toBe(true)
  })

  it('does not propose the same pairs again on a second run', async () => {
    const db = await twoDatabasesImported()
    const first = JSON.parse((await weft(['dedup', '--db', db, '--review', 'lw', '--json'])).out[0]!)
    const second = JSON.parse((await weft(['dedup', '--db', db, '--review', 'lw', '--json'])).out[0]!)
    expect(second).toEqual({ candidates: 0, merged_auto: 0, pending: first.pending })
  })

  it('shows the merge in the export of the records identified', async () => {
    const db = await twoDatabasesImported()
    await weft(['dedup', '--db', db, '--review', 'lw'])
    const csv = (
      await weft(['export', '--db', db, '--review', 'lw', '--what', 'identified', '--format', 'csv'])
    ).out.join('')
    const withDuplicateOf = csv
      .split('\r\n')
      .slice(1)
      .filter((line) => /^\d+,[^,]+,\d+,\d+,/.test(line))
    expect(withDuplicateOf).toHaveLength(1)
  })

  it('exports the same records after deduplication as CSV and as RIS', async () => {
    const db = await twoDatabasesImported()
    await weft(['dedup', '--db', db, '--review', 'lw'])
    const export_ = async (format: string) =>
      (await weft(['export', '--db', db, '--review', 'lw', '--what', 'records', '--format', format])).out.join('')
    const csvRows = (await export_('csv')).trim().split('\r\n').length - 1
    const risRecords = (await export_('ris')).match(/^ER {2}-/gm)?.length ?? 0
    expect(risRecords).toBeGreaterThan(0)
    expect(csvRows).toBe(risRecords)
  })
})
