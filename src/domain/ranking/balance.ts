/**
 * How much each labelled record weighs in training. Early in screening there are a handful of includes
 * among many excludes; trained as they are, the model ranks almost everything as irrelevant. ASReview's
 * "double" balance strategy (its default with naive Bayes) resamples the training set so that includes
 * are over-represented, less so as more records are read. We use the same formulas and constants, as
 * deterministic weights (the expected number of copies of each record) instead of random resampling.
 */
const ONE_A = 2.155
const ONE_ALPHA = 0.94
const ZERO_B = 0.789
const ZERO_BETA = 1.0

export interface ClassWeights {
  /** Weight of each include (copies of it in the balanced training set). */
  included: number
  excluded: number
}

export function balancedWeights(includes: number, excludes: number): ClassWeights {
  const total = includes + excludes
  if (includes === 0 || excludes === 0) return { included: 1, excluded: 1 }
  const oneWeight = ONE_A * (includes / excludes) ** -ONE_ALPHA
  const zeroWeight = 1 - (1 - ZERO_B) * (1 + Math.log(total)) ** -ZERO_BETA
  const share = (oneWeight * includes) / (oneWeight * includes + zeroWeight * excludes)
  // At least one include, and room for at least two excludes, as ASReview clamps it.
  const includeCopies = Math.max(1, Math.min(total - 2, share * total))
  return { included: includeCopies / includes, excluded: (total - includeCopies) / excludes }
}
