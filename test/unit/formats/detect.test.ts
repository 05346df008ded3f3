import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../../src/domain/formats/decode.ts'
import { detectFormat } from '../../../src/domain/formats/detect.ts'
import { fixtureBytes } from './fixture.ts'

const detect = (name: string): string | null => detectFormat(decodeBytes(fixtureBytes(name)).text).format

describe('detectFormat', () => {
  it.each([
    ['pubmed.nbib', 'medline'],
    ['ovid.ris', 'ris'],
    ['ebsco-cinahl.ris', 'ris'],
    ['scopus.ris', 'ris'],
    ['crlf-no-final-newline.ris', 'ris'],
    ['utf16le-bom.ris', 'ris'],
    ['wos.txt', 'wos'],
    ['wos-tab.txt', 'wos_tab'],
    ['endnote.xml', 'endnote_xml'],
    ['endnote.enw', 'endnote_tagged'],
    ['pubmed.xml', 'pubmed_xml'],
    ['ovid.txt', 'ovid'],
    ['zotero.bib', 'bibtex'],
    ['csl.json', 'csl_json'],
    ['covidence.csv', 'csv'],
    ['rayyan.csv', 'csv'],
    ['scopus.csv', 'csv'],
    ['unknown-headers.tsv', 'tsv'],
  ])('recognises %s from its content as %s', (name, format) => {
    expect(detect(name)).toBe(format)
  })

  it('gives a reason when it cannot tell', () => {
    expect(detectFormat('')).toEqual({ format: null, reason: 'The file is empty' })
    const prose = detectFormat('This is a letter.\nIt has sentences, commas, and nothing else of note.\nRegards.')
    expect(prose.format).toBeNull()
    expect(detectFormat('<?xml version="1.0"?><catalog><book/></catalog>').format).toBeNull()
    // An Excel 97–2003 workbook (OLE2 compound file), not a ZIP package like .xlsx.
    const xls = decodeBytes(
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]),
    )
    expect(detectFormat(xls.text)).toMatchObject({ format: null, reason: expect.stringContaining('.xls workbook') })
  })
})
