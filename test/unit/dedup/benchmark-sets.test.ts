import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { findDuplicates, type DedupRecord } from '../../../src/domain/dedup/index.ts'
import { parseReferences } from '../../../src/domain/formats/index.ts'
import { colrevTruth, loadBenchmarkSet, pairwiseAccuracy, readCsv } from './helpers/benchmark-sets.ts'
import { citation } from './helpers/records.ts'
import { describeShared, ROOT } from '../../support/shared-manifest.ts'

/**
 * Accuracy on the published deduplication benchmarks in ../shared/fixtures/dedup: the Rathbone et al. 2015
 * sets and the digital_work and special-cases sets as curated by CoLRev-Environment/bib-dedupe, ASReview's
 * and CoLRev's own test files, and bib-dedupe's hand-curated pairs. They live outside the project
 * (test/support/shared-manifest.ts says when this suite runs). Only automatic merges count as merged; pairs left for a reviewer count
 * as not merged. Each set prints one JSON line: the figures of the README's Deduplication table.
 */

const folder = join(ROOT, 'dedup')

/** Every bib-dedupe set in the folder (`bibdedupe_<name>_records_pre_merged.csv`), so added sets are measured. */
const bibDedupeSets = existsSync(folder)
  ? readdirSync(folder)
      .map((file) => /^bibdedupe_(.+)_records_pre_merged\.csv$/.exec(file)?.[1])
      .filter((name): name is string => name !== undefined)
      .sort()
  : []

/**
 * Recall floors where a set cannot reach the target of 0.95. On haematology 0.88 is the most our rules reach
 * without merging what is not one report: its ground truth also clusters four registry entries of different
 * trials (234–237: adult/adolescent, plasma-sensitive/resistant; likewise 245/246), errata with their articles
 * (57/58 with 63/64/65, 1173 with 175/190/191, 161/162), and two differently titled exports (818/819). Merging
 * errata with their articles would cost precision on all three sets, whose ground truths keep other errata
 * apart (haematology 20/21 from 18/19, stroke 615/616, digital_work 1841, 3374, 5071, 238).
 */
const RECALL_FLOOR: Record<string, number> = { haematology: 0.88 }
const RECALL_TARGET = 0.95
const PRECISION_FLOOR = 0.998
/** Pairs sent to a reviewer before the EndNote XML misses were addressed: the queue must not grow. */
const QUEUE_CEILING: Record<string, number> = { stroke: 41, digital_work: 52, haematology: 112, special_cases: 3 }

/**
 * Corrections bib-dedupe made to a ground truth after the commit copied into shared/fixtures: commit 67a1e0c
 * ("mark duplicate in special cases", 2024-04-22) adds 7/11, one article exported twice field for field.
 */
const TRUTH_CORRECTIONS: Record<string, string[][]> = { special_cases: [['id_0000007', 'id_0000011']] }

function measure(name: string, records: DedupRecord[], truth: number[][]) {
  const started = performance.now()
  const result = findDuplicates(records)
  const seconds = (performance.now() - started) / 1000
  const accuracy = pairwiseAccuracy(result.clusters, truth)
  const pairsForReview = result.candidates.filter((c) => c.decision === 'review').length
  console.log(
    JSON.stringify({
      set: name,
      records: records.length,
      truePairs: accuracy.truePairs,
      mergedPairs: accuracy.mergedPairs,
      recall: Number(accuracy.recall.toFixed(4)),
      precision: Number(accuracy.precision.toFixed(4)),
      pairsForReview,
      seconds: Number(seconds.toFixed(3)),
    }),
  )
  return { ...accuracy, pairsForReview, result }
}

describeShared('dedup benchmark sets (../shared/fixtures/dedup)', () => {
  it.each(bibDedupeSets)(
    'merges the %s set with the recall and precision the method promises',
    (name) => {
      const set = loadBenchmarkSet(folder, name)
      const idOf = new Map([...set.labels].map(([id, label]) => [label, id]))
      const corrections = (TRUTH_CORRECTIONS[name] ?? []).map((labels) => labels.map((l) => idOf.get(l) as number))
      const accuracy = measure(name, set.records, [...set.truth, ...corrections])
      expect(accuracy.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR)
      expect(accuracy.recall).toBeGreaterThanOrEqual(RECALL_FLOOR[name] ?? RECALL_TARGET)
      expect(accuracy.pairsForReview).toBeLessThanOrEqual(QUEUE_CEILING[name] ?? Infinity)
      // digital_work (7,159 records) takes ~4 s alone: room for a busy 2-core machine.
    },
    60_000,
  )

  it("merges nothing wrongly in ASReview's duplicate test file", () => {
    // Fourteen rows of one-letter titles and "lorem" abstracts; ASReview's test_deduplication marks rows 2 and
    // 4 as duplicates of 1 and 3: the same title "a" (one row without a DOI), and titles "b" and "c" sharing
    // the string "10.3" as a DOI. Neither is evidence Weft merges on: a one-letter title says nothing of the
    // report, and "10.3" is not a DOI.
    const rows = readCsv(readFileSync(join(folder, 'asreview_duplicate_records.csv'), 'utf8'), ';')
    const field = (row: Record<string, string>, name: string) => row[name]?.trim() || null
    const records = rows.map((row, index) =>
      citation(index + 1, { title: field(row, 'title'), abstract: field(row, 'abstract'), doi: field(row, 'doi') }),
    )
    const accuracy = measure('asreview_duplicate_records', records, [
      [1, 2],
      [3, 4],
    ])
    expect(accuracy.wrong).toEqual([])
  })

  it("merges CoLRev's dedupe test records as its expected output does", () => {
    const input = readFileSync(join(folder, 'colrev_dedupe_records.bib'), 'utf8')
    const expected = readFileSync(join(folder, 'colrev_dedupe_records_expected.bib'), 'utf8')
    const parsed = parseReferences(new TextEncoder().encode(input)).records
    const records = parsed.map((r, index): DedupRecord => ({ ...r, id: index + 1 }))
    const truth = colrevTruth(input, expected)
    expect(records).toHaveLength(21)
    const accuracy = measure('colrev_dedupe_records', records, truth)
    expect(accuracy.precision).toBe(1)
    // The entries with dotted field names (colrev.dblp.dblp_key) are read with their authors: both pairs merge.
    expect(accuracy.missed).toEqual([])
  })

  it('decides the hand-curated bib-dedupe pair cases as expected, or leaves them to a reviewer', () => {
    interface PairCase {
      id: string
      expected_duplicate: boolean
      record_a: Record<string, string | null>
      record_b: Record<string, string | null>
    }
    const { cases } = JSON.parse(readFileSync(join(folder, 'bibdedupe_test_cases.json'), 'utf8')) as {
      cases: PairCase[]
    }
    const toRecord = (r: Record<string, string | null>, id: number): DedupRecord => ({
      id,
      title: r['title'] ?? null,
      authors: (r['author'] ?? '').split(/\s+and\s+|;\s*/).filter((a) => a.trim() !== ''),
      year: r['year'] ? Number(r['year']) : null,
      journal: r['journal'] ?? r['booktitle'] ?? null,
      volume: r['volume'] ?? null,
      issue: r['number'] ?? r['issue'] ?? null,
      pages: r['pages'] ?? null,
      doi: r['doi'] ?? null,
      pmid: null,
      abstract: r['abstract'] ?? null,
      publicationType: r['ENTRYTYPE'] ?? null,
    })
    const decisions = cases.map((c) => {
      const pair = findDuplicates([toRecord(c.record_a, 1), toRecord(c.record_b, 2)]).candidates[0]
      return { id: c.id, expected: c.expected_duplicate, decision: pair?.decision ?? 'none' }
    })
    const duplicates = decisions.filter((d) => d.expected)
    const merged = duplicates.filter((d) => d.decision === 'auto').length
    console.log(
      JSON.stringify({
        set: 'bibdedupe_test_cases',
        pairs: cases.length,
        truePairs: duplicates.length,
        recall: Number((merged / duplicates.length).toFixed(4)),
        falseMerges: decisions.filter((d) => !d.expected && d.decision === 'auto').length,
        pairsForReview: decisions.filter((d) => d.decision === 'review').length,
      }),
    )
    // A non-duplicate must never merge automatically.
    expect(decisions.filter((d) => !d.expected && d.decision === 'auto')).toEqual([])
    // A duplicate must at least reach a reviewer; all but one merge automatically: a Cochrane review's
    // .pub2 and .pub3, versions a reviewer tells apart (which one the review cites).
    expect(duplicates.filter((d) => d.decision === 'none')).toEqual([])
    expect(duplicates.filter((d) => d.decision !== 'auto').map((d) => d.id)).toEqual(['tan_2004_2005_pub2_vs_pub3'])
  })
})
