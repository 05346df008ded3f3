/**
 * Record counts on the real exports in ../shared/fixtures (not part of the project; licences vary), checked
 * against MANIFEST.md. Runs only where that folder exists. Where our count differs from the manifest's
 * heuristic count, the expectation is written out below with the reason.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'

const ROOT = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url))
const MANIFEST = `${ROOT}MANIFEST.md`

/** Formats Weft reads, as MANIFEST names them in its Format column. */
const SUPPORTED = new Set(['RIS', 'MEDLINE/nbib', 'BibTeX', 'EndNote XML', 'WoS field-tagged', 'WoS tab-delimited', 'CSV', 'TSV'])
const FOLDERS = ['ris', 'medline', 'bibtex', 'endnote', 'wos', 'csv']

/** Files where MANIFEST's count (a grep for a start tag) is not the number of records in the file. */
const EXPECTED_DIFFERENTLY: Readonly<Record<string, { count: number; why: string }>> = {
  'medline/jabref_MedlinePlainImporterTestMultipleEntries.txt': {
    count: 7,
    why: 'MANIFEST counts "PMID-" lines (5); two more blank-line-separated records start with PMC and PMCR and have no PMID',
  },
  'csv/cff__baseline_excel.csv': {
    count: 10,
    why: 'MANIFEST read the "SEARCH QUERY" preamble line as the header, so the separator, header and blank lines counted as rows; the file holds 10 references',
  },
}

interface Row {
  path: string
  format: string
  records: number
}

function manifestRows(): Row[] {
  const rows: Row[] = []
  let folder = ''
  for (const line of readFileSync(MANIFEST, 'utf8').split('\n')) {
    const heading = /^## (\w+)\//.exec(line)
    if (heading?.[1] !== undefined) folder = heading[1]
    const cells = line.split('|').map((cell) => cell.trim())
    const file = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1]
    const count = /^(\d+)\s/.exec(cells[7] ?? '')?.[1]
    if (file === undefined || count === undefined || !FOLDERS.includes(folder)) continue
    if (!existsSync(`${ROOT}${folder}/${file}`)) continue
    rows.push({ path: `${folder}/${file}`, format: cells[4] ?? '', records: Number(count) })
  }
  return rows
}

describe.skipIf(!existsSync(MANIFEST))('shared fixtures (record counts against MANIFEST.md)', () => {
  const rows = existsSync(MANIFEST) ? manifestRows().filter((row) => SUPPORTED.has(row.format)) : []

  it('finds the manifest rows for the supported formats', () => {
    expect(rows.length).toBeGreaterThan(60)
  })

  it.each(rows)('reads $path ($format) with the expected number of records', ({ path, records }) => {
    const result = parseReferences(readFileSync(`${ROOT}${path}`))
    expect(result.format).not.toBe('unknown')
    expect(result.needsMapping).toBeUndefined()
    expect(result.records).toHaveLength(EXPECTED_DIFFERENTLY[path]?.count ?? records)
  })
})
