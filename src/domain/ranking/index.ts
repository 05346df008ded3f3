/**
 * Screening prioritisation: a relevance model trained on title/abstract decisions, the metrics that
 * measure it (METHOD.md §11), stopping guidance and the ASReview-style simulation. Pure: no I/O.
 */
export { featuresFromMatrix, rankByRelevance, rankingFeatures, rankingText, relevanceByRow } from './relevance.ts'
export { FeatureMatrixBuilder } from './features.ts'
export type { RankingDecision, RankingFeatures, RankingRecord, RelevanceRanking } from './relevance.ts'
export {
  excludesSinceLastInclude,
  expectedRelevantRemaining,
  randomSampleEstimate,
  stoppingGuidance,
  stoppingRunLength,
} from './stopping.ts'
export type { SampleEstimate, StoppingGuidance } from './stopping.ts'
export type { RelevanceNote } from './relevance-note.ts'
export {
  averageTimeToDiscovery,
  recallCurve,
  relevantRecordsFound,
  screeningMetrics,
  screeningOutcome,
  workSavedOverSampling,
} from './metrics.ts'
export type { RecallPoint, ScreeningMetrics, ScreeningOutcome } from './metrics.ts'
export { simulateScreening } from './simulate.ts'
export { shuffled } from './random.ts'
export { simulateReview } from './simulation-summary.ts'
export { DEFAULT_MODEL } from './model.ts'
export type { ModelOptions } from './model.ts'
