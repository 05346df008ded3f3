/**
 * Multinomial naive Bayes over TF-IDF weights, as scikit-learn computes it, with the smoothing ASReview
 * tuned for screening (alpha 3.822). Returned as log-odds: a term's coefficient is
 * ln P(term | include) − ln P(term | exclude), the bias the log prior odds.
 */
import type { ClassWeights } from './balance.ts'
import type { FeatureMatrix } from './features.ts'
import type { LinearModel, TrainingExample } from './linear-model.ts'

const ALPHA = 3.822

export function trainNaiveBayes(
  matrix: FeatureMatrix,
  examples: readonly TrainingExample[],
  weights: ClassWeights,
): LinearModel {
  const { rowStart, terms, weights: values } = matrix
  const included = new Float64Array(matrix.columns)
  const excluded = new Float64Array(matrix.columns)
  const touched = new Uint8Array(matrix.columns)
  let includedTotal = 0
  let excludedTotal = 0
  let includedCount = 0
  for (const example of examples) {
    const sums = example.included ? included : excluded
    let rowTotal = 0
    for (let k = rowStart[example.row]!, end = rowStart[example.row + 1]!; k < end; k++) {
      sums[terms[k]!]! += values[k]!
      touched[terms[k]!] = 1
      rowTotal += values[k]!
    }
    if (example.included) {
      includedTotal += rowTotal
      includedCount++
    } else excludedTotal += rowTotal
  }
  const smoothing = ALPHA * matrix.columns
  const includedDenominator = Math.log(weights.included * includedTotal + smoothing)
  const excludedDenominator = Math.log(weights.excluded * excludedTotal + smoothing)
  // A term no labelled record has: both counts are zero, so only the denominators differ.
  const unseen = excludedDenominator - includedDenominator
  const coefficients = new Float64Array(matrix.columns)
  for (let term = 0; term < matrix.columns; term++) {
    coefficients[term] =
      touched[term] === 0
        ? unseen
        : Math.log(weights.included * included[term]! + ALPHA) -
          Math.log(weights.excluded * excluded[term]! + ALPHA) +
          unseen
  }
  const includeCopies = weights.included * includedCount
  const excludeCopies = weights.excluded * (examples.length - includedCount)
  return { bias: Math.log(includeCopies) - Math.log(excludeCopies), coefficients }
}
