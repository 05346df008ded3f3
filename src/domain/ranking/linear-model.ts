import type { FeatureMatrix } from './features.ts'

/** A record labelled by a reviewer: the row of the feature matrix and the decision. */
export interface TrainingExample {
  row: number
  included: boolean
}

/** Both classifiers end as a weight per term plus a bias: score = bias + Σ weight × tf-idf. */
export interface LinearModel {
  bias: number
  coefficients: Float64Array
}

/** The score of every row of the matrix (higher: more likely relevant). */
export function linearScores(matrix: FeatureMatrix, model: LinearModel): Float64Array {
  const scores = new Float64Array(matrix.rows)
  const { rowStart, terms, weights } = matrix
  const { coefficients } = model
  for (let row = 0; row < matrix.rows; row++) {
    let score = model.bias
    for (let k = rowStart[row]!, end = rowStart[row + 1]!; k < end; k++) score += weights[k]! * coefficients[terms[k]!]!
    scores[row] = score
  }
  return scores
}
