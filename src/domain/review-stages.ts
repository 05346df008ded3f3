/**
 * The stages a review passes through (DESIGN.md's flow), in order. The dashboard shows each with its
 * count so the team sees where the review stands.
 */
export const REVIEW_STAGES = [
  'identification',
  'screening',
  'retrieval',
  'eligibility',
  'included',
  'appraisal',
  'extraction',
  'synthesis',
] as const
export type ReviewStage = (typeof REVIEW_STAGES)[number]

export interface StageDescription {
  label: string
  /** What the stage's count counts, in the PRISMA 2020 words where PRISMA has them. */
  counts: string
}

export const STAGE_DESCRIPTIONS: Record<ReviewStage, StageDescription> = {
  identification: { label: 'Identification', counts: 'records identified' },
  screening: { label: 'Title/abstract screening', counts: 'records screened' },
  retrieval: { label: 'Retrieval', counts: 'reports sought for retrieval' },
  eligibility: { label: 'Full-text eligibility', counts: 'reports assessed for eligibility' },
  included: { label: 'Included', counts: 'studies included' },
  appraisal: { label: 'Quality appraisal', counts: 'studies appraised' },
  extraction: { label: 'Extraction', counts: 'studies extracted' },
  synthesis: { label: 'Synthesis', counts: 'third-order constructs' },
}

export type StageCounts = Record<ReviewStage, number>

/** The first stage with nothing in it yet: where the team's work is. Null when every stage has begun. */
export function currentStage(counts: StageCounts): ReviewStage | null {
  return REVIEW_STAGES.find((stage) => counts[stage] === 0) ?? null
}
