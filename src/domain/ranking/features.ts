/**
 * TF-IDF vectors of records, built once per set of records and reused by every retrain (only the labels
 * change between retrains). Term frequency is raw or logarithmic, inverse document frequency is smoothed
 * (ln((1 + n) / (1 + df)) + 1, as scikit-learn and ASReview use) and each row has unit length. Rows are
 * stored compressed (CSR): row i holds terms[rowStart[i] .. rowStart[i + 1]) with their weights.
 */
import { createTokeniser, type TokenOptions, type Tokeniser } from './tokens.ts'

export interface FeatureOptions extends TokenOptions {
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
  const builder = new FeatureMatrixBuilder(options)
  for (const text of texts) builder.add(text)
  return builder.finish()
}

/**
 * The same matrix built a record at a time, so that a caller can pause between batches (the app builds a
 * large review's features between requests). Rows are in the order added.
 */
export class FeatureMatrixBuilder {
  private readonly vocabulary = new Map<string, number>()
  private readonly documentFrequency: number[] = []
  private readonly rowTerms: Int32Array[] = []
  private readonly rowCounts: Float64Array[] = []
  private readonly tokenise: Tokeniser

  constructor(private readonly options: FeatureOptions) {
    this.tokenise = createTokeniser(options)
  }

  add(text: string): void {
    const { vocabulary, documentFrequency, options } = this
    const counts = new Map<number, number>()
    for (const token of this.tokenise(text)) {
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
    this.rowTerms.push(terms)
    this.rowCounts.push(values)
  }

  finish(): FeatureMatrix {
    const { rowTerms, rowCounts } = this
    const rows = rowTerms.length
    const idf = this.documentFrequency.map((df) => Math.log((1 + rows) / (1 + df)) + 1)
    const rowStart = new Int32Array(rows + 1)
    rowTerms.forEach((terms, i) => (rowStart[i + 1] = rowStart[i]! + terms.length))
    const allTerms = new Int32Array(rowStart[rows]!)
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
    return { rows, columns: this.vocabulary.size, rowStart, terms: allTerms, weights }
  }
}
