import { forEachCandidatePair } from './blocking.ts'
import { buildClusters, KeptApart, UnionFind, type PrimaryCandidate } from './clusters.ts'
import { matchKeysReader } from './match-keys.ts'
import { decide } from './merge-rules.ts'
import { comparePair, mightMatch, overallScore } from './pair-evidence.ts'
import type { CandidatePair, DedupOptions, DedupRecord, DedupResult } from './types.ts'

/** The key under which a reviewer's decision on a pair is remembered, whichever way round it is given. */
export function pairKey(aId: number, bId: number): string {
  return aId < bId ? `${aId}:${bId}` : `${bId}:${aId}`
}

/**
 * Finds the records that describe the same report.
 *
 * Exact identifiers and fuzzy agreement of title, authors, year, journal, volume and pages are weighed
 * by the merge rules (see merge-rules.ts); blocking keeps the cost close to linear. Pairs the rules
 * accept merge automatically: their connected components become clusters whose primary is the most
 * complete record. Uncertain pairs are returned for a reviewer and do not merge.
 *
 * For a new import, pass the earlier records too (with their `duplicateOf`) and the new ids in
 * `options.newIds`: only pairs involving a new record are proposed, earlier primaries keep their place,
 * and a cluster that a new record joins is returned whole.
 *
 * @example
 * const { candidates, clusters } = findDuplicates(records, { newIds: new Set([101, 102]) })
 */
/** The most pairs one record is sent to a reviewer in, per run. */
export const MAX_REVIEW_PAIRS_PER_RECORD = 5

export function findDuplicates(records: readonly DedupRecord[], options: DedupOptions = {}): DedupResult {
  const { newIds, decidedPairs, onProgress } = options
  const keys = records.map(matchKeysReader())
  const positionOf = new Map<number, number>()
  records.forEach((r, i) => positionOf.set(r.id, i))

  // Earlier merges (by an earlier run or a reviewer) already hold records together.
  const merged = new UnionFind(records.length)
  records.forEach((r, i) => {
    const target = r.duplicateOf === null || r.duplicateOf === undefined ? undefined : positionOf.get(r.duplicateOf)
    if (target !== undefined) merged.union(i, target)
  })
  const earlierGroup = (i: number) => merged.find(i)
  const earlierGroups = records.map((_, i) => earlierGroup(i))
  const apart = new KeptApart(merged, options.keptApart ?? [], positionOf)

  const candidates: CandidatePair[] = []
  const autoEnds: number[] = []
  const reviewPairsOf = new Uint16Array(records.length)
  forEachCandidatePair(
    keys,
    (i, j) => {
      const a = records[i] as DedupRecord
      const b = records[j] as DedupRecord
      if (newIds !== undefined && !newIds.has(a.id) && !newIds.has(b.id)) return
      if (earlierGroups[i] === earlierGroups[j]) return
      if (!mightMatch(keys[i]!, keys[j]!)) return
      if (decidedPairs?.has(pairKey(a.id, b.id))) return
      // Already joined in this run through other pairs: comparing them again adds nothing but work.
      if (merged.find(i) === merged.find(j)) return
      const comparison = comparePair(a, keys[i]!, b, keys[j]!)
      let verdict = decide(comparison)
      if (verdict === null) return
      if (verdict.decision === 'auto' && apart.wouldJoin(i, j)) {
        verdict = { decision: 'review', reason: 'Merging would join records a reviewer judged not duplicates' }
      }
      if (verdict.decision === 'review') {
        // A record like hundreds of others (a template title, a column of errata) would flood the queue and
        // the request that builds it: a reviewer sees its closest few, the first found in title order.
        if (reviewPairsOf[i]! >= MAX_REVIEW_PAIRS_PER_RECORD || reviewPairsOf[j]! >= MAX_REVIEW_PAIRS_PER_RECORD) return
        reviewPairsOf[i]! += 1
        reviewPairsOf[j]! += 1
      }
      const [first, second] = a.id < b.id ? [a, b] : [b, a]
      const evidence = first === a ? comparison.evidence : comparison.evidence.map((e) => ({ ...e, a: e.b, b: e.a }))
      candidates.push({
        aId: first.id,
        bId: second.id,
        score: overallScore(comparison.evidence),
        decision: verdict.decision,
        reason: verdict.reason,
        evidence,
      })
      if (verdict.decision === 'auto') {
        apart.union(i, j)
        autoEnds.push(i)
      }
    },
    onProgress === undefined ? undefined : (done, total) => onProgress(done / total),
  )

  // Only clusters an automatic merge touched are reported; untouched earlier clusters stay as they are.
  const touched = new Set(autoEnds.map((i) => merged.find(i)))
  const members: PrimaryCandidate[] = []
  const roots: number[] = []
  records.forEach((r, i) => {
    const root = merged.find(i)
    if (!touched.has(root)) return
    members.push({
      id: r.id,
      completeness: keys[i]!.completeness,
      abstractLength: r.abstract?.length ?? 0,
      established: newIds !== undefined && !newIds.has(r.id) && (r.duplicateOf ?? null) === null,
    })
    roots.push(root)
  })
  const clusters = buildClusters(members, (index) => roots[index] as number)
  candidates.sort((x, y) => y.score - x.score || x.aId - y.aId || x.bId - y.bId)
  return { candidates, clusters }
}
