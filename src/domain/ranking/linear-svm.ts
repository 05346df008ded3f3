/**
 * Linear support vector machine (L2-regularised hinge loss) trained by dual coordinate descent, the method
 * of LIBLINEAR (Hsieh et al., ICML 2008). Class weights scale each record's box constraint. A constant
 * feature carries the bias. C is the cost of a margin violation: smaller C, a smoother model that leans less
 * on the few words of the records read so far.
 */
import type { ClassWeights } from './balance.ts'
import type { FeatureMatrix } from './features.ts'
import type { LinearModel, TrainingExample } from './linear-model.ts'

const EPOCHS = 20

export function trainLinearSvm(
  matrix: FeatureMatrix,
  examples: readonly TrainingExample[],
  weights: ClassWeights,
  C = 1,
): LinearModel {
  const { rowStart, terms, weights: values } = matrix
  const coefficients = new Float64Array(matrix.columns)
  let bias = 0
  const dual = new Float64Array(examples.length)
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    let largestStep = 0
    // A fixed stride visits the examples in a scrambled but repeatable order.
    const stride = epoch % 2 === 0 ? 1 : examples.length - 1
    for (
      let visit = 0, i = epoch % examples.length;
      visit < examples.length;
      visit++, i = (i + stride) % examples.length
    ) {
      const { row, included } = examples[i]!
      const sign = included ? 1 : -1
      const bound = C * (included ? weights.included : weights.excluded)
      let margin = bias
      let squaredNorm = 1
      for (let k = rowStart[row]!, end = rowStart[row + 1]!; k < end; k++) {
        margin += values[k]! * coefficients[terms[k]!]!
        squaredNorm += values[k]! ** 2
      }
      const gradient = sign * margin - 1
      const old = dual[i]!
      const next = Math.min(Math.max(old - gradient / squaredNorm, 0), bound)
      if (next === old) continue
      dual[i] = next
      const step = (next - old) * sign
      largestStep = Math.max(largestStep, Math.abs(next - old))
      for (let k = rowStart[row]!, end = rowStart[row + 1]!; k < end; k++) coefficients[terms[k]!]! += step * values[k]!
      bias += step
    }
    if (largestStep < 1e-4) break
  }
  return { bias, coefficients }
}
