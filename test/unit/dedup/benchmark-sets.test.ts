import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { findDuplicates, type DedupRecord } from '../../../src/domain/dedup/index.ts'
import { describeShared, ROOT } from '../../support/shared-manifest.ts'
import { loadBenchmarkSet, pairwiseAccuracy } from './helpers/benchmark-sets.ts'

/**
 * Accuracy on the published deduplication benchmarks (Rathbone et al. 2015 stroke and haematology sets,
 * the digital_work set, as curated by CoLRev-Environment/bib-dedupe). They live outside the project
 * (../shared/fixtures; test/support/shared-manifest.ts says when this suite runs).
 * Only automatic merges count as merged; pairs left for a reviewer count as not merged.
 */

const folder = join(ROOT, 'dedup')

/**
 * Recall floors. Stroke and digital_work meet the project target of 0.97. On haematology 0.88 is the most
 * our rules reach without merging what is not one report: its ground truth also clusters four registry
 * entries of different trials (234–237: adult/adolescent, plasma-sensitive/resistant; likewise 245/246),
 * errata with their articles (57/58 with 63/64/65, 1173 with 175/190/191, 161/162), and two differently
 * titled exports (818/819). Merging errata with their articles would cost precision on all three sets,
 * whose ground truths keep other errata apart (haematology 20/21 from 18/19, stroke 615/616, digital_work
 * 1841, 3374, 5071, 238). The floor holds today's figure so a regression shows.
 */
const RECALL_FLOOR: Record<string, number> = { stroke: 0.97, digital_work: 0.97, haematology: 0.88 }
const PRECISION_FLOOR = 0.995

describeShared('dedup benchmark sets (../shared/fixtures/dedup)', () => {
  it.each(['stroke', 'haematology', 'digital_work'])(
    'merges the %s set with the recall and precision the method promises',
    (name) => {
      const set = loadBenchmarkSet(folder, name)
      const started = performance.now()
      const result = findDuplicates(set.records)
      const seconds = (performance.now() - started) / 1000
      const accuracy = pairwiseAccuracy(result.clusters, set.truth)
      const forReview = result.candidates.filter((c) => c.decision === 'review').length
      console.log(
        JSON.stringify({
          set: name,
          records: set.records.length,
          truePairs: accuracy.truePairs,
          mergedPairs: accuracy.mergedPairs,
          recall: Number(accuracy.recall.toFixed(4)),
          precision: Number(accuracy.precision.toFixed(4)),
          pairsForReview: forReview,
          seconds: Number(seconds.toFixed(3)),
        }),
      )
      expect(accuracy.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR)
      expect(accuracy.recall).toBeGreaterThanOrEqual(RECALL_FLOOR[name] ?? 0.97)
    },
  )

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
    // A non-duplicate must never merge automatically.
    expect(decisions.filter((d) => !d.expected && d.decision === 'auto')).toEqual([])
    // A duplicate must at least reach a reviewer; today all but two merge automatically (a Cochrane
    // review's .pub2/.pub3 versions, and an online-first record a year before its issue).
    expect(decisions.filter((d) => d.expected && d.decision === 'none')).toEqual([])
    expect(decisions.filter((d) => d.expected && d.decision === 'auto').length).toBeGreaterThanOrEqual(8)
  })
})
