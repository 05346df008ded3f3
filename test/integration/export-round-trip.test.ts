/**
 * Round trip: records exported as RIS (through citation-js) and imported into a new review come back
 * equal, field by field — the promise that a reviewer can hand Weft's library to EndNote, Zotero or
 * Rayyan and lose nothing that Weft knew.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { records, reviews } from '../../db/schema.ts'
import { CITATION_FIELDS } from '../../src/domain/formats/bibliographic-record.ts'
import { cslType } from '../../src/domain/formats/record-to-csl.ts'
import { weft } from '../support/cli.ts'

const FIXTURE = join(import.meta.dirname, '../fixtures/exports/round-trip.ris')
const FIELDS = [...CITATION_FIELDS, 'abstract', 'keywords', 'language', 'url', 'publicationType'] as const

async function run(argv: string[]) {
  const result = await weft(argv)
  expect(result.err).toEqual([])
  expect(result.code).toBe(0)
  return result.out.join('')
}

function recordsOf(path: string, slug: string) {
  const db = openDatabase(path)
  const reviewId = db.select().from(reviews).where(eq(reviews.slug, slug)).get()!.id
  const rows = db.select().from(records).where(eq(records.reviewId, reviewId)).orderBy(asc(records.id)).all()
  db.$client.close()
  return rows.map((row) => Object.fromEntries(FIELDS.map((field) => [field, row[field]])))
}

describe('RIS export round trip', () => {
  it('brings every field of every record back equal when the export is imported into a new review', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'weft-round-trip-'))
    const db = join(folder, 'weft.db')
    await run(['review', 'create', '--db', db, '--slug', 'first', '--title', 'First'])
    await run(['review', 'create', '--db', db, '--slug', 'second', '--title', 'Second'])
    await run(['import', '--db', db, '--review', 'first', '--source', 'MEDLINE', '--kind', 'database', FIXTURE])
    const ris = await run(['export', '--db', db, '--review', 'first', '--what', 'records', '--format', 'ris'])
    const exported = join(folder, 'export.ris')
    writeFileSync(exported, ris)
    await run(['import', '--db', db, '--review', 'second', '--source', 'Weft export', '--kind', 'database', exported])

    const before = recordsOf(db, 'first')
    const after = recordsOf(db, 'second')
    expect(before).toHaveLength(5)
    // The fixture exercises what is easy to lose: a keyword with a comma, a PMID only in an accession
    // number, an organisation as author, an article number for pages, accents, and five record types.
    expect(before[0]).toMatchObject({
      pmid: '28713072',
      pages: 'e015203',
      keywords: ['Social prescribing', 'Aged, 80 and over', 'Primary care'],
    })
    expect(before[1]).toMatchObject({
      authors: ['Tierney, Stephanie', 'World Health Organization'],
      pages: 'e95-e101',
      pmid: '31932338',
    })
    expect(before.map((record) => record.publicationType)).toEqual(['JOUR', 'JOUR', 'CHAP', 'THES', 'BOOK'])
    for (const [index, record] of before.entries()) {
      for (const field of FIELDS) expect(after[index]?.[field], `record ${index + 1}, ${field}`).toEqual(record[field])
    }
  })
})

const SET = join(import.meta.dirname, '../fixtures/exports/round-trip-set.json')
const KEPT = FIELDS.filter((field) => field !== 'publicationType')

/** The fields every format must carry, and the kind of reference (each format names types its own way). */
function kept(path: string, slug: string) {
  const db = openDatabase(path)
  const reviewId = db.select().from(reviews).where(eq(reviews.slug, slug)).get()!.id
  const rows = db.select().from(records).where(eq(records.reviewId, reviewId)).orderBy(asc(records.id)).all()
  db.$client.close()
  return rows.map((row) => ({ ...Object.fromEntries(KEPT.map((field) => [field, row[field]])), type: cslType(row) }))
}

describe.each(['ris', 'bibtex', 'csljson'] as const)('%s export → import round trip', (format) => {
  it('loses no title, author (particles and accents kept), year, DOI, PMID, abstract, keyword, journal, volume, issue, pages, language or URL', async () => {
    const folder = mkdtempSync(join(tmpdir(), `weft-round-trip-${format}-`))
    const db = join(folder, 'weft.db')
    await run(['review', 'create', '--db', db, '--slug', 'first', '--title', 'First'])
    await run(['review', 'create', '--db', db, '--slug', 'second', '--title', 'Second'])
    await run(['import', '--db', db, '--review', 'first', '--source', 'Set', '--format', 'csl_json', SET])
    const exported = join(folder, `export.${format}`)
    writeFileSync(
      exported,
      await run(['export', '--db', db, '--review', 'first', '--what', 'records', '--format', format]),
    )
    await run(['import', '--db', db, '--review', 'second', '--source', 'Weft export', exported])

    const before = kept(db, 'first')
    const after = kept(db, 'second')
    expect(before).toHaveLength(5)
    expect(before[0]).toMatchObject({
      authors: [
        'van den Berg, Agnes E.',
        'Peñalver, José',
        'de la Fuente, María',
        'Ó Briain, Pádraig',
        'World Health Organization',
      ],
      keywords: ['Social prescribing', 'Aged, 80 and over', 'Primary care'],
      url: 'https://bmjopen.bmj.com/content/9/7/e015203%2fpdf?download=1&x=y',
    })
    expect(before.map((record) => record.type)).toEqual([
      'article-journal',
      'paper-conference',
      'article-journal',
      'chapter',
      'thesis',
    ])
    for (const [index, record] of before.entries()) expect(after[index], `record ${index + 1}`).toEqual(record)
  })
})
