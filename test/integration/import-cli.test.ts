import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.ts'
import { importBatches, records, sources } from '../../db/schema.ts'
import { weft } from '../support/cli.ts'

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/formats', name)

async function reviewDatabase() {
  const folder = mkdtempSync(join(tmpdir(), 'weft-import-'))
  const db = join(folder, 'weft.db')
  expect((await weft(['review', 'create', '--db', db, '--slug', 'lw', '--title', 'Link workers'])).code).toBe(0)
  return { db, folder }
}

function stored(db: string) {
  const database = openDatabase(db)
  const result = {
    records: database.select().from(records).all(),
    batches: database.select().from(importBatches).all(),
    sources: database.select().from(sources).all(),
  }
  database.$client.close()
  return result
}

describe('weft import', () => {
  it('imports an Ovid RIS export into a new source and prints the summary', async () => {
    const { db } = await reviewDatabase()
    const result = await weft([
      'import',
      '--db',
      db,
      '--review',
      'lw',
      '--source',
      'MEDLINE',
      '--kind',
      'database',
      '--json',
      fixture('ovid.ris'),
    ])
    expect(result.err).toEqual([])
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.out[0]!)
    expect(summary).toMatchObject({
      format: 'ris',
      read: 2,
      imported: 2,
      flagged: 0,
      batch: 1,
      screening: 'title_abstract',
    })
    const { records: rows, sources: logged } = stored(db)
    expect(logged).toMatchObject([{ name: 'MEDLINE', kind: 'database' }])
    expect(rows[0]).toMatchObject({
      title: 'Social prescribing link workers and the boundaries of their role: an ethnography.',
      doi: '10.1111/hsc.13001',
      year: 2021,
      sourceId: logged[0]!.id,
      batchId: 1,
      line: 2,
    })
    expect(rows[0]!.originalText).toContain('N2  - Link workers sit between general practice')
  })

  it('imports several files of several formats into one source, one batch each', async () => {
    const { db } = await reviewDatabase()
    const result = await weft([
      'import',
      '--db',
      db,
      '--review',
      'lw',
      '--source',
      'Mixed',
      fixture('pubmed.nbib'),
      fixture('zotero.bib'),
      fixture('endnote.xml'),
    ])
    expect(result.code).toBe(0)
    expect(result.out).toHaveLength(3)
    const { batches } = stored(db)
    expect(batches.map((batch) => batch.format)).toEqual(['medline', 'bibtex', 'endnote_xml'])
  })

  it('imports an Excel workbook and an OpenDocument spreadsheet', async () => {
    const { db } = await reviewDatabase()
    const result = await weft([
      'import',
      '--db',
      db,
      '--review',
      'lw',
      '--source',
      'Embase',
      '--json',
      fixture('embase.xlsx'),
      fixture('team-sheet.ods'),
    ])
    expect(result.err).toEqual([])
    expect(result.out.map((line) => JSON.parse(line))).toMatchObject([
      { format: 'xlsx', imported: 2 },
      { format: 'ods', imported: 2 },
    ])
    expect(stored(db).records.map((record) => record.title)).toEqual([
      'Social prescribing link workers: a qualitative study',
      'Link workers in Japan',
      'Link workers and the work of connecting',
      'Community navigators in rural Wales',
    ])
  })

  it('refuses the same file twice unless the reviewer insists', async () => {
    const { db } = await reviewDatabase()
    const args = ['import', '--db', db, '--review', 'lw', '--source', 'MEDLINE', fixture('ovid.ris')]
    expect((await weft(args)).code).toBe(0)
    const again = await weft(args)
    expect(again.code).toBe(1)
    expect(again.err).toEqual([
      `weft: ${fixture('ovid.ris')} was already imported into this review (batch 1); add --force to import it again`,
    ])
    expect(stored(db).records).toHaveLength(2)
    expect((await weft([...args, '--force'])).code).toBe(0)
    expect(stored(db).records).toHaveLength(4)
  })

  it('flags records without a title instead of dropping them', async () => {
    const { db, folder } = await reviewDatabase()
    const file = join(folder, 'untitled.ris')
    writeFileSync(
      file,
      'TY  - JOUR\nAU  - Nobody, A\nPY  - 2020\nER  - \n\nTY  - JOUR\nTI  - Link workers in Scotland\nER  - \n',
    )
    const result = await weft(['import', '--db', db, '--review', 'lw', '--source', 'Scopus', '--json', file])
    expect(JSON.parse(result.out[0]!)).toMatchObject({ read: 2, imported: 2, flagged: 1 })
    expect(stored(db).records.map((record) => record.flag)).toEqual(['no title', null])
  })

  it('stores nothing, not even the new source, when a file holds no references', async () => {
    const { db, folder } = await reviewDatabase()
    const file = join(folder, 'notes.txt')
    writeFileSync(file, 'These are my search notes.\nNothing to import here.\n')
    const result = await weft(['import', '--db', db, '--review', 'lw', '--source', 'Notes', file])
    expect(result.code).toBe(1)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).toMatch(/^weft: .*notes\.txt line 1: /)
    expect(stored(db)).toEqual({ records: [], batches: [], sources: [] })
  })

  it('maps the columns of a CSV it does not know with --map, as the browser’s mapping step does', async () => {
    const { db } = await reviewDatabase()
    const file = fixture('unknown-headers.tsv')
    const unmapped = await weft(['import', '--db', db, '--review', 'lw', '--source', 'Diary', file])
    expect(unmapped.code).toBe(1)
    expect(unmapped.err[0]).toContain('“Ref ID”, “Headline”, “Writers”, “When”')
    expect(unmapped.err[0]).toContain('--map "title=…,authors=…"')

    const map = (value: string) =>
      weft(['import', '--db', db, '--review', 'lw', '--source', 'Diary', '--map', value, '--json', file])
    const missing = await map('title=Headline,authors=Author Full Names')
    expect(missing.code).toBe(1)
    expect(missing.err).toEqual([
      `weft: ${file} line 1: The mapping names the column “Author Full Names”, which the header row does not have; its columns are “Ref ID”, “Headline”, “Writers”, “When”`,
    ])
    expect(stored(db)).toEqual({ records: [], batches: [], sources: [] })

    const result = await map('title=Headline,authors=Writers,year=When')
    expect(result.err).toEqual([])
    expect(JSON.parse(result.out[0]!)).toMatchObject({ format: 'tsv', imported: 1 })
    expect(stored(db).records[0]).toMatchObject({
      title: 'Social prescribing link workers: a diary study',
      authors: ['Owen, Ruth'],
      year: 2019,
    })
  })

  it('reads --map pairs whose column names hold commas', async () => {
    const { db, folder } = await reviewDatabase()
    const file = join(folder, 'refworks.tsv')
    writeFileSync(file, 'Ref\tTitle Main\tAuthors, Main\nR1\tLink workers\tOwen, Ruth; Evans, Gwen\n')
    const result = await weft(
      ['import', '--db', db, '--review', 'lw', '--source', 'RefWorks', file].concat([
        '--map',
        'title=Title Main,authors=Authors, Main',
      ]),
    )
    expect(result.err).toEqual([])
    expect(stored(db).records[0]).toMatchObject({ title: 'Link workers', authors: ['Owen, Ruth', 'Evans, Gwen'] })
  })

  it.each([
    [['--source', 'X', 'missing.ris'], 'weft: missing --review'],
    [['--review', 'lw', 'missing.ris'], 'weft: missing --source'],
    [['--review', 'nope', '--source', 'X', 'FILE'], 'weft: --review: no review has the short name nope'],
    [
      ['--review', 'lw', '--source', 'X', '--kind', 'library', 'FILE'],
      'weft: --kind: one of database, register, website, organisation, citation, other',
    ],
    [['--review', 'lw', '--source', 'X', '--format', 'docx', 'FILE'], 'weft: --format: unknown format docx'],
    [['--review', 'lw', '--source', 'X', '/no/such/file.ris'], 'weft: cannot read /no/such/file.ris: ENOENT'],
    [
      ['--review', 'lw', '--source', 'X', '--map', 'titel=Headline', 'FILE'],
      'weft: --map: “titel” is not a field; use title, abstract, authors, year, journal, volume, issue, pages, pageStart, pageEnd, articleNumber, doi, pmid, keywords, language, url, publicationType, citation or ignore',
    ],
    [
      ['--review', 'lw', '--source', 'X', '--map', 'authors=Writers', 'FILE'],
      'weft: --map: say which column holds the title, e.g. --map "title=Article Title,…"',
    ],
  ])('refuses %j with one line', async (args, message) => {
    const { db } = await reviewDatabase()
    const result = await weft([
      'import',
      '--db',
      db,
      ...args.map((arg) => (arg === 'FILE' ? fixture('ovid.ris') : arg)),
    ])
    expect(result.code).toBe(1)
    expect(result.err).toEqual([message])
    expect(stored(db).records).toHaveLength(0)
  })
})

describe('weft import into an other-methods source', () => {
  it('says every time that its records go straight to retrieval, without title/abstract screening', async () => {
    const { db } = await reviewDatabase()
    const args = ['import', '--db', db, '--review', 'lw', '--source', 'Reference lists', '--kind', 'citation']
    const plain = await weft([...args, fixture('ovid.ris')])
    expect(plain.code).toBe(0)
    expect(plain.out[0]).toContain(
      'Reference lists is an other-methods source, so these records go straight to retrieval without title/abstract screening',
    )
    const json = await weft([...args, '--json', fixture('pubmed.nbib')])
    expect(JSON.parse(json.out[0]!)).toMatchObject({ screening: 'straight_to_retrieval' })
  })
})

describe('weft export --what identified', () => {
  it('lists every record with id, source, batch, duplicate_of, DOI, PMID, title, year and labels, as CSV Excel opens', async () => {
    const { db } = await reviewDatabase()
    await weft(['import', '--db', db, '--review', 'lw', '--source', 'MEDLINE', fixture('ovid.ris')])
    await weft(['import', '--db', db, '--review', 'lw', '--source', 'PubMed', fixture('pubmed.nbib')])
    const result = await weft(['export', '--db', db, '--review', 'lw', '--what', 'identified', '--format', 'csv'])
    expect(result.code).toBe(0)
    const csv = result.out.join('')
    expect(csv.startsWith('\uFEFFid,source,batch,duplicate_of,doi,pmid,title,year,labels\r\n')).toBe(true)
    const lines = csv.trim().split('\r\n')
    expect(lines.length).toBe(1 + stored(db).records.length)
    expect(lines[1]).toBe(
      '1,MEDLINE,1,,10.1111/hsc.13001,,Social prescribing link workers and the boundaries of their role: an ethnography.,2021,',
    )
  })
})
