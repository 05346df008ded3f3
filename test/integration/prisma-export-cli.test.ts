import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { weft } from '../support/cli.ts'

const FIXTURE = join(import.meta.dirname, '../fixtures/exports/round-trip.ris')

async function reviewWithRecords() {
  const db = join(mkdtempSync(join(tmpdir(), 'weft-prisma-cli-')), 'weft.db')
  expect((await weft(['review', 'create', '--db', db, '--slug', 'lw', '--title', 'Link workers'])).code).toBe(0)
  expect(
    (await weft(['import', '--db', db, '--review', 'lw', '--source', 'MEDLINE', '--kind', 'database', FIXTURE])).code,
  ).toBe(0)
  return db
}

async function output(argv: string[]): Promise<string> {
  const result = await weft(argv)
  expect(result.err).toEqual([])
  expect(result.code).toBe(0)
  return result.out.join('')
}

describe('weft prisma', () => {
  it('prints the counts under the PRISMA2020 R package field names, with the open work in words', async () => {
    const db = await reviewWithRecords()
    const json = JSON.parse(await output(['prisma', '--db', db, '--review', 'lw', '--format', 'json']))
    expect(json).toMatchObject({
      database_results: 5,
      database_specific_results: [{ reason: 'MEDLINE', n: 5 }],
      duplicates: 0,
      records_screened: 0,
    })
    expect(json.pending).toEqual(['5 records not yet screened'])
  })

  it('prints the Shiny app CSV and the SVG diagram', async () => {
    const db = await reviewWithRecords()
    const csv = await output(['prisma', '--db', db, '--review', 'lw', '--format', 'csv'])
    expect(csv).toContain('\ndatabase_results,node7,box2,')
    expect(csv).toMatch(/\ndatabase_specific_results,.*,"MEDLINE, 5"\n/)
    const svg = await output(['prisma', '--db', db, '--review', 'lw', '--format', 'svg'])
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg [^>]*data-status="provisional"/)
  })

  it('refuses an unknown format or review in one line', async () => {
    const db = await reviewWithRecords()
    expect(await weft(['prisma', '--db', db, '--review', 'lw', '--format', 'pdf'])).toMatchObject({
      code: 1,
      err: ['weft: --format: pdf is not one of json, csv, svg'],
    })
    expect(await weft(['prisma', '--db', db, '--review', 'nope'])).toMatchObject({
      code: 1,
      err: ['weft: --review: no review has the short name nope'],
    })
  })
})

describe('weft export', () => {
  it('writes records as BibTeX with unique keys and as CSL-JSON with the PMID', async () => {
    const db = await reviewWithRecords()
    const bibtex = await output(['export', '--db', db, '--review', 'lw', '--what', 'records', '--format', 'bibtex'])
    const keys = [...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1])
    expect(keys).toHaveLength(5)
    expect(new Set(keys).size).toBe(5)
    expect(keys[0]).toMatch(/^Moffatt2017_\d+$/)
    const items = JSON.parse(
      await output(['export', '--db', db, '--review', 'lw', '--what', 'records', '--format', 'csljson']),
    )
    expect(items[0]).toMatchObject({
      type: 'article-journal',
      PMID: '28713072',
      DOI: '10.1136/bmjopen-2016-015203',
      keyword: 'Social prescribing; Aged, 80 and over; Primary care',
    })
    expect(items.map((item: { type: string }) => item.type)).toEqual([
      'article-journal',
      'article-journal',
      'chapter',
      'thesis',
      'book',
    ])
  })

  it('formats a reference list in APA, Vancouver and Harvard, as text and HTML', async () => {
    const db = await reviewWithRecords()
    const list = (style: string, format: string) =>
      output(['export', '--db', db, '--review', 'lw', '--what', 'records', '--format', format, '--style', style])
    expect(await list('apa', 'text')).toContain(
      'Moffatt, S., Steer, M., Lawson, S. J., & Ó Briain, P. (2017). Link workers’ experiences of social prescribing: a qualitative study. BMJ Open, 7(7), e015203.',
    )
    expect(await list('vancouver', 'text')).toContain(
      'Moffatt S, Steer M, Lawson SJ, Ó Briain P. Link workers’ experiences of social prescribing: a qualitative study. BMJ Open',
    )
    expect(await list('harvard', 'text')).toContain('Moffatt, S. et al. (2017)')
    // README's `--style harvard1` (citation-js's template name) is the same style.
    expect(await list('harvard1', 'text')).toBe(await list('harvard', 'text'))
    const html = await list('apa', 'html')
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<i>BMJ Open</i>')
  })

  it('prints Vancouver as the official NLM style does: every DOI after its reference', async () => {
    const db = await reviewWithRecords()
    const vancouver = await output([
      'export',
      '--db',
      db,
      '--review',
      'lw',
      '--what',
      'records',
      '--format',
      'text',
      '--style',
      'vancouver',
    ])
    expect(vancouver).toContain(
      'Moffatt S, Steer M, Lawson SJ, Ó Briain P. Link workers’ experiences of social prescribing: a qualitative study. BMJ Open. 2017;7(7):e015203. doi:10.1136/bmjopen-2016-015203 PubMed PMID: 28713072.',
    )
    expect(vancouver.toLowerCase()).toContain('doi:10.3399/bjgp20x707153')
  })

  it('writes the decisions history for Excel and the search log as a PRISMA-S table', async () => {
    const db = await reviewWithRecords()
    const decisions = await output(['export', '--db', db, '--review', 'lw', '--what', 'decisions', '--format', 'csv'])
    expect(decisions).toBe(
      '\uFEFFrecord_id,record_title,reviewer_email,reviewer_name,stage,kind,verdict,reason,note,via,time_utc,current\r\n',
    )
    const log = await output(['export', '--db', db, '--review', 'lw', '--what', 'search-log', '--format', 'csv'])
    expect(log.split('\r\n')[1]).toBe('MEDLINE,Database,,,,,,,5,')
    const html = await output(['export', '--db', db, '--review', 'lw', '--what', 'search-log', '--format', 'html'])
    expect(html).toContain('<th>Records found</th>')
  })

  it('refuses a format the export does not come in', async () => {
    const db = await reviewWithRecords()
    const result = await weft(['export', '--db', db, '--review', 'lw', '--what', 'decisions', '--format', 'ris'])
    expect(result).toMatchObject({ code: 1, err: ['weft: --format: decisions export as csv, not ris'] })
  })
})
