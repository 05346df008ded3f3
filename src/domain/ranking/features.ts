/**
 * TF-IDF vectors of records, built once per set of records and reused by every retrain (only the labels
 * change between retrains). Term frequency is raw or logarithmic, inverse document frequency is smoothed
 * (ln((1 + n) / (1 + df)) + 1, as scikit-learn and ASReview use) and each row has unit length. Rows are
 * stored compressed (CSR): row i holds terms[rowStart[i] .. rowStart[i + 1]) with their weights.
 */
import { tokenise } from './tokens.ts'

export interface FeatureOptions {
  /** Add adjacent-word pairs as terms. */
  bigrams: boolean
  /** 1 + ln(count) instead of the count, so one word repeated in an abstract does not dominate. */
  sublinearTf: boolean
}

export interface FeatureMatrix {
  rows: number
  /** Number of distinct terms. */
  columns: number
  rowStart: Int32Array
  terms: Int32Array
  weights: Float64Array
}

export function featureMatrix(texts: readonly string[], options: FeatureOptions): FeatureMatrix {
  const vocabulary = new Map<string, number>()
  const documentFrequency: number[] = []
  const rowTerms: Int32Array[] = []
  const rowCounts: Float64Array[] = []
  for (const text of texts) {
    const counts = new Map<number, number>()
    for (const token of tokenise(text, options)) {
      let term = vocabulary.get(token)
      if (term === undefined) {
        term = vocabulary.size
        vocabulary.set(token, term)
        documentFrequency.push(0)
      }
      counts.set(term, (counts.get(term) ?? 0) + 1)
    }
    const terms = Int32Array.from(counts.keys()).sort()
    const values = new Float64Array(terms.length)
    terms.forEach((term, k) => {
      documentFrequency[term]! += 1
      const count = counts.get(term)!
      values[k] = options.sublinearTf ? 1 + Math.log(count) : count
    })
    rowTerms.push(terms)
    rowCounts.push(values)
  }
  const idf = documentFrequency.map((df) => Math.log((1 + texts.length) / (1 + df)) + 1)
  const rowStart = new Int32Array(texts.length + 1)
  rowTerms.forEach((terms, i) => (rowStart[i + 1] = rowStart[i]! + terms.length))
  const allTerms = new Int32Array(rowStart[texts.length]!)
  const weights = new Float64Array(allTerms.length)
  rowTerms.forEach((terms, i) => {
    const values = rowCounts[i]!
    let norm = 0
    for (let k = 0; k < terms.length; k++) {
      values[k]! *= idf[terms[k]!]!
      norm += values[k]! ** 2
    }
    norm = Math.sqrt(norm) || 1
    const start = rowStart[i]!
    allTerms.set(terms, start)
    for (let k = 0; k < terms.length; k++) weights[start + k] = values[k]! / norm
  })
  return { rows: texts.length, columns: vocabulary.size, rowStart, terms: allTerms, weights }
}
