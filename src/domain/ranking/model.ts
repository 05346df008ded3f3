/**
 * The relevance model: TF-IDF features, the ASReview balance weights, and linear classifiers. The default
 * is the configuration that measured best over the labelled reviews (README, "Screening prioritisation"):
 * naive Bayes and a linear SVM each rank the records, and a record's place is the sum of its two places.
 * The single classifiers stay selectable so that measurement can be repeated.
 */
import { balancedWeights } from './balance.ts'
import { featureMatrix, type FeatureMatrix, type FeatureOptions } from './features.ts'
import { linearScores, type TrainingExample } from './linear-model.ts'
import { trainLinearSvm } from './linear-svm.ts'
import { trainNaiveBayes } from './naive-bayes.ts'

export type ClassifierName = 'naive-bayes' | 'linear-svm' | 'naive-bayes+linear-svm'

export interface ModelOptions extends FeatureOptions {
  classifier: ClassifierName
  /** The SVM's cost of a margin violation. */
  svmC: number
}

export const DEFAULT_MODEL: ModelOptions = {
  classifier: 'naive-bayes+linear-svm',
  bigrams: false,
  sublinearTf: true,
  stemming: true,
  stopWords: false,
  svmC: 0.3,
}

/** The model in words, as `weft rank simulate` reports it. */
export function describeModel(options: ModelOptions): string {
  const classifier = {
    'naive-bayes': 'naive Bayes',
    'linear-svm': `linear SVM (C ${options.svmC})`,
    'naive-bayes+linear-svm': `naive Bayes + linear SVM (C ${options.svmC}), summed ranks`,
  }[options.classifier]
  const words = [
    options.stemming ? 'Porter stems' : 'words',
    options.bigrams ? 'and word pairs' : '',
    options.stopWords ? 'without stop words' : '',
  ]
  return `${classifier}; TF-IDF (${options.sublinearTf ? 'log' : 'raw'} term frequency) of ${words.filter(Boolean).join(' ')}`
}

export function buildFeatures(texts: readonly string[], options: ModelOptions = DEFAULT_MODEL): FeatureMatrix {
  return featureMatrix(texts, options)
}

/**
 * Trains on the labelled rows and scores every row: higher, more likely relevant. Scores compare rows of
 * one retrain only (log-odds for naive Bayes, margins for the SVM, minus the summed places for the pair).
 * Needs at least one include and one exclude.
 */
export function retrainScores(
  matrix: FeatureMatrix,
  examples: readonly TrainingExample[],
  options: ModelOptions = DEFAULT_MODEL,
): Float64Array {
  const includes = examples.reduce((count, example) => count + (example.included ? 1 : 0), 0)
  if (includes === 0 || includes === examples.length)
    throw new Error('training needs at least one include and one exclude')
  const weights = balancedWeights(includes, examples.length - includes)
  const naiveBayes = () => linearScores(matrix, trainNaiveBayes(matrix, examples, weights))
  const svm = () => linearScores(matrix, trainLinearSvm(matrix, examples, weights, options.svmC))
  switch (options.classifier) {
    case 'naive-bayes':
      return naiveBayes()
    case 'linear-svm':
      return svm()
    case 'naive-bayes+linear-svm': {
      const first = rankPlaces(naiveBayes())
      const second = rankPlaces(svm())
      return Float64Array.from(first, (place, row) => -(place + second[row]!))
    }
  }
}

/** Each row's place when rows are sorted by score, best first (0); equal scores keep row order. */
export function rankPlaces(scores: Float64Array): Int32Array {
  const rows = Int32Array.from(scores, (_, row) => row).sort((a, b) => scores[b]! - scores[a]! || a - b)
  const places = new Int32Array(scores.length)
  rows.forEach((row, place) => (places[row] = place))
  return places
}
