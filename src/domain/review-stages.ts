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

/** How far a stage has got through what it works on: screening's records screened of the records to screen. */
export interface StageProgress {
  done: number
  of: number
}

export type StageProgressMap = Partial<Record<ReviewStage, StageProgress>>

/** What a stage's progress counts, after "12 of 16": the stages whose work has a known total. */
export const STAGE_PROGRESS_WORDS: Partial<Record<ReviewStage, string>> = {
  screening: 'records screened',
  retrieval: 'reports sought retrieved or marked not retrieved',
  eligibility: 'retrieved reports assessed for eligibility',
  appraisal: 'included studies appraised (consensus)',
  extraction: 'included studies extracted',
}

/**
 * Where the team's work is now: the first stage that has work and has not finished it (screening with
 * 4 of 16 records left); when every begun stage is finished, the first not begun (currentStage); null
 * when all are begun and finished.
 */
export function stageAtWork(counts: StageCounts, progress: StageProgressMap): ReviewStage | null {
  const unfinished = REVIEW_STAGES.find((stage) => {
    const made = progress[stage]
    return made !== undefined && made.of > 0 && made.done < made.of
  })
  return unfinished ?? currentStage(counts)
}

/** What waits for one person in a review: the dashboard's to-do. */
export interface PersonalTodo {
  /** Records waiting for their vote, per screening stage (what their queue holds). */
  toScreen: { title_abstract: number; full_text: number }
  /** Conflicts waiting for a resolver, per stage; null when this person does not resolve them. */
  toResolve: { title_abstract: number; full_text: number } | null
  /** Reports waiting to be retrieved. */
  toRetrieve: number
  /** Possible duplicates waiting for a reviewer's look. */
  duplicatePairs: number
}
