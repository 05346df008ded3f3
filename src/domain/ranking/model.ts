/**
 * The relevance model: TF-IDF features, the ASReview balance weights, and a linear classifier. The
 * defaults are the configuration that measured best on the labelled reviews (README, "Screening
 * prioritisation"); the others stay selectable so that measurement can be repeated.
 */
import { balancedWeights } from './balance.ts'
import { featureMatrix, type FeatureMatrix, type FeatureOptions } from './features.ts'
import { linearScores, type LinearModel, type TrainingExample } from './linear-model.ts'
import { trainLinearSvm } from './linear-svm.ts'
import { trainNaiveBayes } from './naive-bayes.ts'

export type ClassifierName = 'naive-bayes' | 'linear-svm'

export interface ModelOptions extends FeatureOptions {
  classifier: ClassifierName
}

export const DEFAULT_MODEL: ModelOptions = { classifier: 'naive-bayes', bigrams: false, sublinearTf: true }

export const CLASSIFIERS: Readonly<Record<ClassifierName, typeof trainNaiveBayes>> = {
  'naive-bayes': trainNaiveBayes,
  'linear-svm': trainLinearSvm,
}

export function buildFeatures(texts: readonly string[], options: ModelOptions = DEFAULT_MODEL): FeatureMatrix {
  return featureMatrix(texts, options)
}

/** Trains on the labelled rows; needs at least one include and one exclude. */
export function trainModel(matrix: FeatureMatrix, examples: readonly TrainingExample[], options: ModelOptions = DEFAULT_MODEL): LinearModel {
  const includes = examples.reduce((count, example) => count + (example.included ? 1 : 0), 0)
  if (includes === 0 || includes === examples.length) throw new Error('training needs at least one include and one exclude')
  return CLASSIFIERS[options.classifier](matrix, examples, balancedWeights(includes, examples.length - includes))
}

/** Trains and scores every row in one go: what one retrain costs. */
export function retrainScores(matrix: FeatureMatrix, examples: readonly TrainingExample[], options: ModelOptions = DEFAULT_MODEL): Float64Array {
  return linearScores(matrix, trainModel(matrix, examples, options))
}
