import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findDuplicates, type DedupRecord } from '../../../src/domain/dedup/index.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'

/**
 * One EndNote library holding MEDLINE (PubMed) and Embase (Ovid) records of the same articles, exported as
 * EndNote XML: the shapes that the 1,988-record Rathbone et al. respiratory export left to a reviewer. Records
 * 1–10 and 16–19 are seven articles, each exported by both databases; records 11–15, 20 and 21 are near misses
 * that are other reports.
 */
const fixture = readFileSync(new URL('../../fixtures/dedup/medline-embase-endnote.xml', import.meta.url))
const { records: parsed } = parseReferences(fixture)
const records: DedupRecord[] = parsed.map((r, index) => ({ ...r, id: index + 1 }))
const result = findDuplicates(records)

/** Every pair of records one cluster holds, as "a:b" with a < b. */
const merged = new Set(
  result.clusters.flatMap((c) => {
    const ids = [c.primaryId, ...c.duplicateIds].sort((x, y) => x - y)
    return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a}:${b}`))
  }),
)
const decisionOf = (a: number, b: number) =>
  result.candidates.find((c) => c.aId === a && c.bId === b)?.decision ?? 'none'

describe('MEDLINE and Embase exports of one article (EndNote XML)', () => {
  it('reads the twenty-one records of the library', () => {
    expect(records).toHaveLength(21)
  })

  it("merges MEDLINE's translated title in square brackets with the same title unbracketed", () => {
    // "[Hemophilia and pregnancy]" is the whole title, not a note such as "[Chinese]".
    expect(merged).toContain('1:2')
    // A bracketed title with a language note, the journal with its translation, and an article in press.
    expect(merged).toContain('9:10')
  })

  it('merges a journal named in pinyin with its Wade-Giles name, initials with full names, the issue apart', () => {
    // "Zhonghua Jie He He Hu Xi Za Zhi" / "Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih"; issue 5 / issue 4.
    expect(merged).toContain('3:4')
    // Embase runs the English name on after the Wade-Giles one; the library keeps record numbers as issues.
    expect(merged).toContain('16:17')
  })

  it("merges the authors' English title with MEDLINE's translation at the same journal, volume and pages", () => {
    // "Zhonghua Nei Ke Za Zhi" / "Chung-Hua Nei Ko Tsa Chih" (the apostrophe of K'o lost).
    expect(merged).toContain('5:6')
    // MEDLINE's translation of a French title, "Ann Fr Anesth Reanim", and issue fields holding other numbers.
    expect(merged).toContain('18:19')
  })

  it('merges records whose issue disagrees while title, authors, year, volume and pages agree', () => {
    expect(merged).toContain('7:8')
  })

  it('merges nothing else: another article of the issue, an erratum, another trial, a republication', () => {
    // 20 and 21 are an author's two articles at the same pages of two issues of a journal paginating each issue.
    expect([...merged].sort()).toEqual(['16:17', '18:19', '1:2', '3:4', '5:6', '7:8', '9:10'])
    // The erratum and the other trial still reach a reviewer.
    expect([decisionOf(4, 12), decisionOf(8, 13)]).toEqual(['review', 'review'])
  })
})
