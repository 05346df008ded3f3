/**
 * The parsing faults of issue 14 checked on the real exports in ../shared/fixtures (runs only where that
 * folder exists): SICI DOIs kept whole, names with a lower-case particle kept whole, Scopus BibTeX author
 * lists read in full, CoLRev BibTeX entries with dotted field names read with their authors.
 */
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { describeShared, sharedFixture } from '../../support/shared-manifest.ts'

const parse = (path: string) => parseReferences(readFileSync(sharedFixture(path)))

describeShared('parsing faults on the shared fixtures', () => {
  it('keeps the SICI DOIs of a Web of Science export whole, and each one distinct', () => {
    const text = readFileSync(sharedFixture('wos/metaknowledge_ManyAuthors.isi'), 'utf8')
    const written = [...text.matchAll(/^DI (10\.\S*<\S*)$/gm)].map((match) => match[1]!.toLowerCase())
    expect(written.length).toBeGreaterThanOrEqual(8)
    const dois = new Set(parse('wos/metaknowledge_ManyAuthors.isi').records.map((record) => record.doi))
    for (const doi of written) expect(dois).toContain(doi)
  })

  it.each(['wos/metaknowledge_ManyAuthors.isi', 'wos/wosfile_wos_plaintext.txt'])(
    'keeps names with a lower-case particle whole in %s ("da Silva, Daniel Hilario")',
    (path) => {
      const authors = parse(path).records.flatMap((record) => record.authors)
      const particleNames = authors.filter((name) => /^(da|de|del|van|von) \S+, /.test(name))
      expect(particleNames.length).toBeGreaterThan(0)
      // Cut in two, the family name would stand alone: "da Silva" with no given name after it.
      expect(authors.filter((name) => /^(da|de|del|van|von) [^,]+$/.test(name))).toEqual([])
    },
  )

  it('reads every author of a Scopus BibTeX export that joins them with commas', () => {
    const { records } = parse('bibtex/bibliometrix_scopus.bib')
    expect(records).toHaveLength(46)
    expect(records[0]?.authors).toEqual(["D'Ambrosio, A.", 'Aria, M.', 'Iorio, C.', 'Siciliano, R.'])
    expect(records.filter((record) => record.authors.length < 2)).toEqual([])
  })

  it.each(['dedup/colrev_dedupe_records.bib', 'dedup/colrev_dedupe_records_expected.bib'])(
    'reads the CoLRev entries of %s, dotted field names and all, with their authors',
    (path) => {
      const { records, issues } = parse(path)
      expect(issues).toEqual([])
      expect(records.filter((record) => record.authors.length === 0)).toEqual([])
    },
  )
})
