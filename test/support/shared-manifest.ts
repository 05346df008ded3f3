/**
 * The real exports in ../shared/fixtures (beside the project, not part of it) and the record counts
 * MANIFEST.md gives for them.
 *
 * The rule for every test that uses them (README, "Tests"): where the folder is, they run, and any error
 * fails them, a missing file included (no test skips one file); where it is not, they are skipped, named as
 * needing it; and where WEFT_SHARED_FIXTURES names the folder (a CI that has the fixtures sets it), a missing
 * folder fails them instead of skipping them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'

const DEMANDED = process.env['WEFT_SHARED_FIXTURES']
export const ROOT = DEMANDED
  ? `${resolve(DEMANDED)}/`
  : fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url))
export const MANIFEST = `${ROOT}MANIFEST.md`
export const HAVE_SHARED_FIXTURES = existsSync(MANIFEST)

export type SharedFixturesRule = 'run' | 'fail' | 'skip'

/** Run where the fixtures are; fail where they were asked for and are not; skip otherwise. */
export function sharedFixturesRule(present: boolean, demanded: boolean): SharedFixturesRule {
  if (present) return 'run'
  return demanded ? 'fail' : 'skip'
}

/** A suite of tests on the shared fixtures, run, failed or skipped by the rule above. */
export function describeShared(name: string, body: () => void): void {
  const rule = sharedFixturesRule(HAVE_SHARED_FIXTURES, DEMANDED !== undefined && DEMANDED !== '')
  if (rule === 'run') describe(name, body)
  else if (rule === 'fail') {
    describe(name, () => {
      it('finds the shared fixtures', () => {
        throw new Error(`WEFT_SHARED_FIXTURES names ${ROOT}, but there is no MANIFEST.md there`)
      })
    })
  } else describe.skip(`${name} (needs ../shared/fixtures beside the project)`, () => it.skip('needs them', () => {}))
}

/** The path of one shared fixture; throws (failing the test) when it is missing, never skips. */
export function sharedFixture(path: string): string {
  const full = `${ROOT}${path}`
  if (!existsSync(full)) throw new Error(`${path} is missing from the shared fixtures at ${ROOT}`)
  return full
}

/** Formats Weft reads, as MANIFEST names them in its Format column. */
export const SUPPORTED = new Set([
  'RIS',
  'MEDLINE/nbib',
  'BibTeX',
  'EndNote XML',
  'WoS field-tagged',
  'WoS tab-delimited',
  'CSV',
  'TSV',
  'PubMed XML',
  'EndNote tagged',
  'Ovid labelled text',
  'XLSX',
])
const FOLDERS = ['ris', 'medline', 'bibtex', 'endnote', 'wos', 'csv']

/** Files where MANIFEST's count (a grep for a start tag) is not the number of records in the file. */
export const EXPECTED_DIFFERENTLY: Readonly<Record<string, { count: number; why: string }>> = {
  'medline/jabref_MedlinePlainImporterTestMultipleEntries.txt': {
    count: 7,
    why: 'MANIFEST counts "PMID-" lines (5); two more blank-line-separated records start with PMC and PMCR and have no PMID',
  },
  'endnote/colrev_ais_enl.txt': {
    count: 6,
    why: 'MANIFEST counts "%0" lines (2); AIS eLibrary starts records with %T and writes its front matter (tables of contents, indexes) without %0, and all six blank-line-separated records have a title',
  },
  'endnote/colrev_enl_data.enl': {
    count: 3,
    why: 'MANIFEST counts "%0" lines (2); the third record, a table of contents with its title, volume and pages, has no %0 line',
  },
  'csv/cff__baseline_excel.csv': {
    count: 10,
    why: 'MANIFEST read the "SEARCH QUERY" preamble line as the header, so the separator, header and blank lines counted as rows; the file holds 10 references',
  },
}

export interface Row {
  path: string
  format: string
  records: number
}

export function manifestRows(): Row[] {
  const rows: Row[] = []
  let folder = ''
  for (const line of readFileSync(MANIFEST, 'utf8').split('\n')) {
    const heading = /^## (\w+)\//.exec(line)
    if (heading?.[1] !== undefined) folder = heading[1]
    const cells = line.split('|').map((cell) => cell.trim())
    const file = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1]
    const count = /^(\d+)\s/.exec(cells[7] ?? '')?.[1]
    // A listed file that is missing stays in: its test fails on it.
    if (file === undefined || count === undefined || !FOLDERS.includes(folder)) continue
    rows.push({ path: `${folder}/${file}`, format: cells[4] ?? '', records: Number(count) })
  }
  return rows
}
