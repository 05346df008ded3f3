import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { readSpreadsheet } from '../../../src/domain/formats/spreadsheet.ts'
import { fixtureBytes } from './fixture.ts'

describe('readSpreadsheet', () => {
  it('reads the sheet Embase’s workbook lists first: shared, rich-text and inline strings, dates, cached formula values', () => {
    const { kind, rows } = readSpreadsheet(fixtureBytes('embase.xlsx'))
    expect(kind).toBe('xlsx')
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3, 4, 5, 6])
    expect(rows[4]?.cells).toEqual([
      'Social prescribing link workers: a qualitative study',
      'Moffatt S., Steer M., Lawson S.',
      'British Journal of General Practice',
      '2021',
      '71',
      '704',
      'e190',
      'e198',
      '2021-02-01',
      '10.3399/BJGP21X714999',
      '33558329',
      'social prescribing; link worker',
      'L2011234567',
    ])
  })

  it('leaves a Japanese title’s phonetic guide out of its text', () => {
    expect(readSpreadsheet(fixtureBytes('embase.xlsx')).rows[5]?.cells[0]).toBe('Link workers in Japan')
  })

  it('reads an ODS sheet’s typed cells, spaces, paragraphs and links, without comments or LibreOffice’s padding', () => {
    const { kind, rows } = readSpreadsheet(fixtureBytes('team-sheet.ods'))
    expect(kind).toBe('ods')
    expect(rows).toEqual([
      { line: 1, cells: ['Title', 'Authors', 'Year', 'Journal', 'DOI', 'Abstract', 'Link'] },
      {
        line: 2,
        cells: [
          'Link workers and the work of connecting',
          'Moffatt, Suzanne; Steer, Mark',
          '2021',
          'British Journal of General Practice',
          '10.3399/bjgp21X714999',
          'Background: link workers.\nMethods:  interviews.',
          'https://doi.org/10.3399/bjgp21X714999',
        ],
      },
      { line: 3, cells: ['Community navigators in rural Wales', 'Evans, Gwen', '2019-05-01'] },
    ])
  })

  it('keeps a number too large for a date as the number, in a column styled as dates', () => {
    const parts = unzipSync(fixtureBytes('embase.xlsx'))
    const sheet = 'xl/worksheets/sheet2.xml'
    parts[sheet] = strToU8(
      strFromU8(parts[sheet]!).replace('<c r="I5" s="1"><v>44228</v>', '<c r="I5" s="1"><v>9780123456789</v>'),
    )
    expect(readSpreadsheet(zipSync(parts)).rows[4]?.cells[8]).toBe('9780123456789')
  })

  it('refuses a cell past the last column a sheet has, instead of filling memory up to it', () => {
    const parts = unzipSync(fixtureBytes('embase.xlsx'))
    const sheet = 'xl/worksheets/sheet2.xml'
    parts[sheet] = strToU8(strFromU8(parts[sheet]!).replace('<c r="I5" s="1">', '<c r="ZZZZZZZ5" s="1">'))
    expect(() => readSpreadsheet(zipSync(parts))).toThrow('cell ZZZZZZZ5 lies past column XFD')
  })

  it('says what is wrong with a ZIP that is not a spreadsheet, a damaged one and a file that is no ZIP', () => {
    expect(() => readSpreadsheet(zipSync({ 'search.ris': strToU8('TY  - JOUR\nER  - \n') }))).toThrow(
      'neither an XLSX workbook nor an ODS spreadsheet',
    )
    const cut = fixtureBytes('embase.xlsx').slice(0, 2000)
    expect(() => readSpreadsheet(cut)).toThrow(/not a readable spreadsheet/)
    expect(() => readSpreadsheet(strToU8('Title,Year\n'))).toThrow('no ZIP header')
  })
})

describe('reference lists in spreadsheets', () => {
  it('imports an Embase workbook past its search-query preamble', () => {
    const result = parseReferences(fixtureBytes('embase.xlsx'))
    expect(result).toMatchObject({ format: 'xlsx', issues: [] })
    expect(result.records).toHaveLength(2)
    expect(result.records[0]).toMatchObject({
      title: 'Social prescribing link workers: a qualitative study',
      authors: ['Moffatt S.', 'Steer M.', 'Lawson S.'],
      journal: 'British Journal of General Practice',
      year: 2021,
      volume: '71',
      issue: '704',
      pages: 'e190-e198',
      doi: '10.3399/bjgp21x714999',
      pmid: '33558329',
      keywords: ['social prescribing', 'link worker'],
      line: 5,
    })
    expect(result.records[0]?.originalText).toContain('\nEmbase Accession ID: L2011234567')
  })

  it('imports EPPI-Reviewer’s Excel export', () => {
    const result = parseReferences(fixtureBytes('eppi-reviewer.xlsx'))
    expect(result.format).toBe('xlsx')
    expect(result.records.map((record) => [record.title, record.year])).toEqual([
      ['Social prescribing link workers: a qualitative study', 2021],
      ['Community navigators in rural Wales', 2019],
      ['Deep learning for diabetic retinopathy screening', 2020],
    ])
  })

  it('imports a LibreOffice sheet, its first table only', () => {
    const result = parseReferences(fixtureBytes('team-sheet.ods'))
    expect(result.format).toBe('ods')
    expect(result.records).toEqual([
      expect.objectContaining({
        title: 'Link workers and the work of connecting',
        authors: ['Moffatt, Suzanne', 'Steer, Mark'],
        year: 2021,
        doi: '10.3399/bjgp21x714999',
        abstract: 'Background: link workers. Methods: interviews.',
        url: 'https://doi.org/10.3399/bjgp21X714999',
      }),
      expect.objectContaining({ title: 'Community navigators in rural Wales', year: 2019, line: 3 }),
    ])
  })

  it('asks for a column mapping when a sheet’s headers are not known, and uses it', () => {
    const sheet = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table><table:table-row><table:table-cell><text:p>Headline</text:p></table:table-cell><table:table-cell><text:p>Writers</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>Link work</text:p></table:table-cell><table:table-cell><text:p>Owen, Ruth</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
      ),
    })
    expect(parseReferences(sheet)).toMatchObject({ format: 'ods', needsMapping: { headers: ['Headline', 'Writers'] } })
    expect(parseReferences(sheet, { columnMapping: { Headline: 'title', Writers: 'authors' } }).records).toEqual([
      expect.objectContaining({ title: 'Link work', authors: ['Owen, Ruth'] }),
    ])
  })

  it('reports a workbook it cannot read instead of importing nothing silently', () => {
    const result = parseReferences(zipSync({ 'notes.txt': strToU8('hello') }))
    expect(result).toMatchObject({ format: 'unknown', records: [] })
    expect(result.issues[0]?.message).toContain('neither an XLSX workbook nor an ODS spreadsheet')
  })
})
