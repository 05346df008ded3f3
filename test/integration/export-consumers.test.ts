/**
 * The consumers, not ourselves: Weft's exports read by the readers reviewers hand them to.
 * - BibTeX: @retorquere/bibtex-parser, the parser behind Better BibTeX for Zotero's imports.
 * - RIS: the tags Zotero's RIS translator (zotero/translators RIS.js, commit 2814370161d0) maps to the
 *   Zotero fields a reviewer expects, per reference type, read from its `fieldMap`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, type Creator } from '@retorquere/bibtex-parser'
import { describe, expect, it } from 'vitest'
import { writeReferences } from '../../src/domain/formats/cite-export.ts'
import { parseReferences } from '../../src/domain/formats/index.ts'
import type { CitableRecord } from '../../src/domain/formats/record-to-csl.ts'

const SET = join(import.meta.dirname, '../fixtures/exports/round-trip-set.json')

function theSet(): CitableRecord[] {
  const { records } = parseReferences(readFileSync(SET), { format: 'csl_json' })
  return records.map((record, index) => ({ ...record, csl: record.csl ?? null, id: index + 1 }))
}

/** How Better BibTeX names a creator back: "prefix last, first", or the organisation's name. */
function creatorName(creator: Creator): string {
  if (creator.name !== undefined) return creator.name
  const family = [creator.prefix, creator.lastName].filter(Boolean).join(' ')
  return creator.firstName === undefined ? family : `${family}, ${creator.firstName}`
}

describe('BibTeX export read by Better BibTeX’s parser', () => {
  const records = theSet()
  const library = parse(writeReferences(records, 'bibtex'))

  it('parses every entry without an error', () => {
    expect(library.errors).toEqual([])
    expect(library.entries.map((entry) => entry.type)).toEqual([
      'article',
      'inproceedings',
      'article',
      'incollection',
      'phdthesis',
    ])
  })

  it('reads back every field Weft knew, accents and particles as written', () => {
    for (const [index, record] of records.entries()) {
      const fields = library.entries[index]?.fields
      expect(fields, `entry ${index + 1}`).toBeDefined()
      if (fields === undefined) continue
      expect((fields.author ?? []).map(creatorName), `authors of ${index + 1}`).toEqual(record.authors)
      expect(fields.title).toBe(record.title)
      expect(fields.journal ?? fields.booktitle).toBe(record.journal ?? undefined)
      expect(fields.year).toBe(record.year === null ? undefined : String(record.year))
      expect(fields.volume).toBe(record.volume ?? undefined)
      expect(fields.number).toBe(record.issue ?? undefined)
      // BibTeX's "--" is an en dash to TeX, and to the parser.
      expect(fields.pages?.replace('–', '-')).toBe(record.pages ?? undefined)
      expect(fields.doi).toBe(record.doi ?? undefined)
      expect(fields.pmid).toBe(record.pmid ?? undefined)
      expect(fields.url).toBe(record.url ?? undefined)
      expect(fields.abstract).toBe(record.abstract ?? undefined)
      expect(fields.language).toBe(record.language ?? undefined)
      // Better BibTeX (like Zotero) splits keywords at every comma and semicolon, and sorts them.
      const words = record.keywords.flatMap((keyword) => keyword.split(/\s*,\s*/))
      expect(fields.keywords ?? [], `keywords of ${index + 1}`).toEqual(
        [...words].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
      )
    }
  })

  it('keeps the UTF-8 letters instead of TeX accent commands', () => {
    const bibtex = writeReferences(records, 'bibtex')
    expect(bibtex).toContain('Peñalver, José')
    expect(bibtex).not.toMatch(/\{\\[~'"`^] ?\w\}/)
  })
})

/**
 * Zotero's RIS translator, `fieldMap` (import and export): tag → Zotero field, for the item types Weft writes.
 * A tag missing for a type is read into a note ("unsupported") or dropped.
 */
const ZOTERO_RIS: Record<string, Record<string, string>> = {
  JOUR: { TI: 'title', T2: 'publicationTitle', VL: 'volume', IS: 'issue', SP: 'pages', PY: 'date' },
  // Zotero's conference paper has no issue: IS lands in the item's notes as "Issue: …" rather than nowhere.
  CONF: {
    TI: 'title',
    T2: 'conferenceName',
    C3: 'proceedingsTitle',
    VL: 'volume',
    IS: 'note',
    SP: 'pages',
    PY: 'date',
  },
  CHAP: { TI: 'title', T2: 'bookTitle', SP: 'pages', PY: 'date' },
  THES: { TI: 'title', PY: 'date' },
}
const EVERY_TYPE = { AU: 'creators/author', AB: 'abstractNote', DO: 'DOI', KW: 'tags', LA: 'language', UR: 'url' }

function risRecords(text: string): Map<string, string[]>[] {
  return text
    .split('ER  - \r\n')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const tags = new Map<string, string[]>()
      for (const line of chunk.split('\r\n').filter(Boolean)) {
        const match = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line)
        expect(match, `a RIS line: ${line}`).not.toBeNull()
        if (match?.[1] !== undefined) tags.set(match[1], [...(tags.get(match[1]) ?? []), match[2] ?? ''])
      }
      return tags
    })
}

describe('RIS export as Zotero’s RIS translator reads it', () => {
  const records = theSet()
  const ris = writeReferences(records, 'ris')
  const entries = risRecords(ris)

  it('writes every record with CRLF line ends and one value per line', () => {
    expect(entries).toHaveLength(5)
    expect(ris.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('puts each field in the tag Zotero reads it from, for the type it is', () => {
    for (const [index, record] of records.entries()) {
      const tags = entries[index]!
      const type = tags.get('TY')?.[0] ?? ''
      const zotero = { ...ZOTERO_RIS[type], ...EVERY_TYPE }
      expect(Object.keys(ZOTERO_RIS), `type of ${index + 1}`).toContain(type)
      for (const tag of tags.keys()) {
        // TY, EP (joined to SP as "pages"), N1 (notes: the PMID) and ID (ignored) need no field.
        if (['TY', 'EP', 'N1', 'ID', 'ER'].includes(tag)) continue
        expect(zotero, `${type} record ${index + 1}: Zotero reads ${tag}`).toHaveProperty(tag)
      }
      expect(tags.get('AU')).toEqual(record.authors)
      expect(tags.get('T2')?.[0]).toBe(record.journal ?? undefined)
      expect(tags.get('IS')?.[0]).toBe(record.issue ?? undefined)
      expect(tags.has('M1')).toBe(false)
      if (record.pmid !== null) expect(tags.get('N1')).toEqual([`PMID: ${record.pmid}`])
    }
  })

  it('gives a conference paper its proceedings title both ways Zotero and EndNote read it', () => {
    const conference = entries[1]!
    expect(conference.get('TY')).toEqual(['CONF'])
    expect(conference.get('T2')).toEqual(['Proceedings of the 12th European Conference on Primary Care Research'])
    expect(conference.get('C3')).toEqual(conference.get('T2'))
    expect(conference.get('PY')).toEqual(['2021'])
  })
})
