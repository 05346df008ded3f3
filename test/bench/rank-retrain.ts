/**
 * The relevance model on a review of 10,000 records. `rank_retrain`: what runs after each batch of
 * decisions (train on the 500 screened so far, score every record), on features built once.
 * `rank_features`: building those TF-IDF features, which the app does when records are imported.
 * `rank_simulate`: a full simulation of a 2,000-record review, retraining after every decision.
 * Medians of several runs, one JSON line each. Run: node --import tsx test/bench/rank-retrain.ts [records]
 */
import {
  rankByRelevance,
  rankingFeatures,
  type RankingDecision,
  type RankingRecord,
} from '../../src/domain/ranking/relevance.ts'
import { simulateReview } from '../../src/domain/ranking/simulation-summary.ts'
import { seededRandom } from '../support/seeded-random.ts'

const RECORDS = Number(process.argv[2] ?? 10_000)
const RUNS = 7
const random = seededRandom(8)

// A vocabulary with a long tail, like abstracts: a few thousand common words, tens of thousands of rare ones.
const VOCABULARY = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}`)
const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!
const sentence = (length: number) => Array.from({ length }, word).join(' ')

const records: (RankingRecord & { relevant: boolean })[] = Array.from({ length: RECORDS }, (_, i) => {
  const relevant = random() < 0.05
  // Relevant records share a topic: some words turn up in them more often.
  const topic = relevant ? ` ${sentence(5).replace(/w/g, 'topic')}` : ''
  return { id: i + 1, title: sentence(12), abstract: `${sentence(200)}${topic}`, keywords: [word(), word()], relevant }
})
const decisions: RankingDecision[] = records
  .slice(0, 500)
  .map((record) => ({ recordId: record.id, included: record.relevant }))

function median(measure: () => void): number {
  const seconds: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    measure()
    seconds.push((performance.now() - started) / 1000)
  }
  seconds.sort((a, b) => a - b)
  return Number(seconds[Math.floor(RUNS / 2)]!.toFixed(3))
}

let features = rankingFeatures(records)
const featureSeconds = median(() => (features = rankingFeatures(records)))
const retrainSeconds = median(() => {
  if (rankByRelevance(features, decisions)?.order.length !== RECORDS) throw new Error('no ranking')
})
console.log(JSON.stringify({ bench: 'rank_retrain', records: RECORDS, seconds: retrainSeconds }))
console.log(JSON.stringify({ bench: 'rank_features', records: RECORDS, seconds: featureSeconds }))

const review = records.slice(0, 2000).map((record) => ({
  title: record.title ?? '',
  abstract: record.abstract ?? '',
  keywords: '',
  included: record.relevant,
}))
const started = performance.now()
simulateReview(review, 1)
console.log(
  JSON.stringify({
    bench: 'rank_simulate',
    records: review.length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  }),
)
