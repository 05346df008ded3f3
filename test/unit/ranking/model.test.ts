import { describe, expect, it } from 'vitest'
import { balancedWeights } from '../../../src/domain/ranking/balance.ts'
import { DEFAULT_MODEL, rankPlaces, retrainScores } from '../../../src/domain/ranking/model.ts'
import { featureMatrix } from '../../../src/domain/ranking/features.ts'
import { rankByRelevance, rankingFeatures, type RankingDecision } from '../../../src/domain/ranking/relevance.ts'
import { tokenise } from '../../../src/domain/ranking/tokens.ts'
import { linkWorkerRecords } from './labelled-set.ts'

describe('relevance model', () => {
  const plain = { bigrams: false, stemming: false, stopWords: true }

  it('tokenises in lower case without accents, one-letter words or stop words', () => {
    expect(tokenise('The Link-Worker’s rôle in a GP practice (2019)', plain)).toEqual([
      'link',
      'worker',
      'role',
      'gp',
      'practice',
      '2019',
    ])
    expect(tokenise('social prescribing for loneliness', { ...plain, bigrams: true })).toEqual([
      'social',
      'prescribing',
      'loneliness',
      'social prescribing',
      'prescribing loneliness',
    ])
  })

  it('meets a word’s forms at one Porter stem, and keeps stop words when asked to', () => {
    const stemmed = { bigrams: false, stemming: true, stopWords: false }
    expect(tokenise('Prescribing, prescribed and prescriptions', stemmed)).toEqual([
      'prescrib',
      'prescrib',
      'and',
      'prescript',
    ])
    expect(tokenise('Link workers working with the community', stemmed)).toEqual([
      'link',
      'worker',
      'work',
      'with',
      'the',
      'commun',
    ])
  })

  it('gives each record a unit-length TF-IDF vector with rarer words weighing more', () => {
    const matrix = featureMatrix(['link worker', 'link nurse', 'link link'], { ...plain, sublinearTf: false })
    expect(matrix.columns).toBe(3)
    const row = (i: number) => Array.from(matrix.weights.subarray(matrix.rowStart[i], matrix.rowStart[i + 1]))
    const [link, worker] = row(0)
    expect(link! ** 2 + worker! ** 2).toBeCloseTo(1, 12)
    // idf(link) = ln(4/4) + 1 = 1; idf(worker) = ln(4/2) + 1.
    expect(worker! / link!).toBeCloseTo(Math.log(2) + 1, 12)
    expect(row(2)).toEqual([1])
  })

  it('weights includes up as ASReview’s double balance does, less so as more are found', () => {
    // 1 include, 1 exclude: the include may take at most n − 2 = 0 places, so at least 1.
    expect(balancedWeights(1, 1)).toEqual({ included: 1, excluded: 1 })
    const early = balancedWeights(2, 98)
    const later = balancedWeights(20, 80)
    expect(early.included).toBeGreaterThan(later.included)
    // The weighted set keeps its size: 2·w₁ + 98·w₀ = 100.
    expect(2 * early.included + 98 * early.excluded).toBeCloseTo(100, 10)
  })

  it('ranks the unscreened link-worker studies far above chance after two includes and ten excludes', () => {
    const records = linkWorkerRecords().map((record, i) => ({ id: i + 1, ...record, keywords: [record.keywords] }))
    const features = rankingFeatures(records)
    const known: RankingDecision[] = [
      ...records.filter((r) => r.included).slice(0, 2),
      ...records.filter((r) => !r.included).slice(0, 10),
    ].map((record) => ({ recordId: record.id, included: record.included }))
    const ranking = rankByRelevance(features, known)!
    const knownIds = new Set(known.map((decision) => decision.recordId))
    const unscreened = ranking.order.filter((id) => !knownIds.has(id)).map((id) => records[id - 1]!.included)
    // Area under the ROC curve: the chance that a relevant record is ranked above an irrelevant one.
    // With 20 relevant and 170 irrelevant records, random order gives 0.5 ± 0.07 (one SD), so 0.9 is
    // more than five SDs away: it cannot pass by chance.
    let irrelevantSeen = 0
    let aboveIrrelevant = 0
    for (const relevant of unscreened) {
      if (relevant) aboveIrrelevant += 170 - irrelevantSeen
      else irrelevantSeen++
    }
    expect(unscreened.filter(Boolean)).toHaveLength(20)
    expect(aboveIrrelevant / (20 * 170)).toBeGreaterThan(0.9)
    for (const id of ranking.order) expect(ranking.relevance.get(id)).toBeGreaterThanOrEqual(0)
  })

  it('ranks nothing until there is at least one include and one exclude', () => {
    const features = rankingFeatures([
      { id: 1, title: 'link workers', abstract: null },
      { id: 2, title: 'statins', abstract: null },
    ])
    expect(rankByRelevance(features, [{ recordId: 1, included: true }])).toBeNull()
    // The later decision replaces the earlier one: still only an include.
    expect(
      rankByRelevance(features, [
        { recordId: 2, included: false },
        { recordId: 2, included: true },
      ]),
    ).toBeNull()
    expect(
      rankByRelevance(features, [
        { recordId: 1, included: true },
        { recordId: 2, included: false },
      ])?.order,
    ).toEqual([1, 2])
  })

  it('places rows best first, equal scores in row order', () => {
    expect(Array.from(rankPlaces(Float64Array.from([0.2, 0.9, 0.2, -1])))).toEqual([1, 0, 2, 3])
  })

  it('ranks a record by the sum of its places under naive Bayes and the SVM', () => {
    const records = linkWorkerRecords()
    const matrix = featureMatrix(
      records.map((r) => `${r.title} ${r.abstract}`),
      DEFAULT_MODEL,
    )
    const examples = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ row: i * 20, included: records[i * 20]!.included }))
    expect(examples.some((e) => e.included) && examples.some((e) => !e.included)).toBe(true)
    const nb = rankPlaces(retrainScores(matrix, examples, { ...DEFAULT_MODEL, classifier: 'naive-bayes' }))
    const svm = rankPlaces(retrainScores(matrix, examples, { ...DEFAULT_MODEL, classifier: 'linear-svm' }))
    const pair = retrainScores(matrix, examples, DEFAULT_MODEL)
    for (let row = 0; row < matrix.rows; row++) expect(pair[row]).toBe(-(nb[row]! + svm[row]!))
    // The two disagree somewhere, or the pair would add nothing to measure.
    expect(Array.from(nb)).not.toEqual(Array.from(svm))
  })

  it('gives the record ranked first relevance 1 and the last 0, evenly between', () => {
    const features = rankingFeatures([
      { id: 1, title: 'link workers in primary care', abstract: null },
      { id: 2, title: 'statins and cholesterol', abstract: null },
      { id: 3, title: 'link workers and loneliness', abstract: null },
    ])
    const ranking = rankByRelevance(features, [
      { recordId: 1, included: true },
      { recordId: 2, included: false },
    ])!
    expect(ranking.order).toEqual([1, 3, 2])
    expect([1, 3, 2].map((id) => ranking.relevance.get(id))).toEqual([1, 0.5, 0])
  })
})
