/**
 * A review finished in another tool, brought into Weft with the shell: its searches imported and
 * deduplicated, then every screening decision with `weft screen import`, full text included. A
 * full-text vote on a report the file never marked retrieved marks it retrieved (the source tool had
 * it), so the PRISMA boxes come out as the source tool drew them (test/fixtures/finished-review/README.md).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { auditEvents, reports } from '../../db/schema.ts'
import { addMember } from '../../src/store/memberships.ts'
import { weft } from '../support/cli.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'finished-review')

async function run(argv: string[]) {
  const result = await weft(argv)
  expect(result.err, argv.join(' ')).toEqual([])
  expect(result.code).toBe(0)
  return result.out.join('')
}

async function finishedReview(): Promise<string> {
  const db = join(mkdtempSync(join(tmpdir(), 'weft-finished-')), 'weft.db')
  for (const name of ['owner', 'alice', 'bob'])
    await run([
      'user',
      'add',
      '--db',
      db,
      '--email',
      `${name}@finished.org`,
      '--name',
      name,
      '--password',
      'pw pw pw pw',
    ])
  await run(['review', 'create', '--db', db, '--slug', 'done', '--title', 'Done', '--owner', 'owner@finished.org'])
  const database = openDatabase(db)
  addMember(database, 1, 'alice@finished.org', 'reviewer', null)
  addMember(database, 1, 'bob@finished.org', 'reviewer', null)
  database.$client.close()
  const searches = [
    ['MEDLINE', 'database', 'medline.ris'],
    ['CINAHL', 'database', 'cinahl.ris'],
    ['Reference lists', 'citation', 'reference-lists.ris'],
  ] as const
  for (const [source, kind, file] of searches)
    await run(['import', '--db', db, '--review', 'done', '--source', source, '--kind', kind, join(FIXTURES, file)])
  await run(['dedup', '--db', db, '--review', 'done'])
  return db
}

describe('a finished review imported from another tool', () => {
  it('marks the reports its full-text votes speak of retrieved, without a file, and says so', async () => {
    const db = await finishedReview()
    const summary = JSON.parse(
      await run(['screen', 'import', '--db', db, '--review', 'done', '--json', join(FIXTURES, 'decisions.csv')]),
    )
    expect(summary).toMatchObject({ rowsRead: 27, votesStored: 26, reportsRetrieved: 5, reportsNotRetrieved: 1 })
    const database = openDatabase(db)
    const rows = database.select().from(reports).all()
    expect(rows.filter((row) => row.retrieval === 'retrieved')).toHaveLength(5)
    expect(rows.every((row) => row.fileSha256 === null)).toBe(true)
    expect(database.select().from(auditEvents).where(eq(auditEvents.action, 'report.retrieved')).all()).toHaveLength(5)
    database.$client.close()
  })

  it('gives every PRISMA box the source tool drew', async () => {
    const db = await finishedReview()
    await run(['screen', 'import', '--db', db, '--review', 'done', join(FIXTURES, 'decisions.csv')])
    const prisma = JSON.parse(await run(['prisma', '--db', db, '--review', 'done', '--format', 'json']))
    expect(prisma).toMatchObject({
      database_results: 10,
      database_specific_results: [
        { reason: 'MEDLINE', n: 6 },
        { reason: 'CINAHL', n: 4 },
      ],
      register_results: 0,
      citations_results: 2,
      duplicates: 2,
      records_screened: 8,
      records_excluded: 3,
      dbr_sought_reports: 5,
      dbr_notretrieved_reports: 1,
      dbr_assessed: 4,
      dbr_excluded: [
        { reason: 'Wrong study design (no qualitative data collection and analysis)', n: 1 },
        { reason: 'Wrong population', n: 1 },
      ],
      dbr_excluded_total: 2,
      other_sought_reports: 1,
      other_notretrieved_reports: 0,
      other_assessed: 1,
      other_excluded: [],
      other_already_found: 1,
      new_studies: 3,
      new_reports: 3,
      status: 'complete',
      pending: [],
      problems: [],
    })
  })
})
