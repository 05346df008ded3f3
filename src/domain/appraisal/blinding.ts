/**
 * Independent appraisal: two appraisers per study, each blind to the other's answers until both have
 * finished. Only then are the sheets compared and a consensus recorded.
 */

export const APPRAISERS_PER_STUDY = 2

export interface IndependentAppraisalState {
  appraiserId: number
  finished: boolean
}

/** True once the study has its two appraisals and both are finished: the answers may be shown. */
export function bothFinished(appraisals: readonly IndependentAppraisalState[]): boolean {
  return appraisals.length >= APPRAISERS_PER_STUDY && appraisals.every((appraisal) => appraisal.finished)
}

/**
 * Whose answers `viewerId` may read. Before both have finished, only their own: nobody, owners included,
 * reads an appraiser's answers early, so whoever becomes the second appraiser has not seen the first's.
 */
export function visibleAppraisers(appraisals: readonly IndependentAppraisalState[], viewerId: number): number[] {
  if (bothFinished(appraisals)) return appraisals.map((appraisal) => appraisal.appraiserId)
  return appraisals.filter((appraisal) => appraisal.appraiserId === viewerId).map((appraisal) => appraisal.appraiserId)
}

export type AppraiserPlace = 'own' | 'open' | 'taken'

/** Whether `userId` already appraises the study, may start, or finds both places taken. */
export function appraiserPlace(appraisals: readonly IndependentAppraisalState[], userId: number): AppraiserPlace {
  if (appraisals.some((appraisal) => appraisal.appraiserId === userId)) return 'own'
  return appraisals.length < APPRAISERS_PER_STUDY ? 'open' : 'taken'
}

/**
 * A finished appraisal may be reopened by its appraiser while the other has not finished (nobody has
 * compared them yet); after that, changes go into the consensus.
 */
export function mayReopen(appraisals: readonly IndependentAppraisalState[], userId: number): boolean {
  const own = appraisals.find((appraisal) => appraisal.appraiserId === userId)
  return own !== undefined && own.finished && !bothFinished(appraisals)
}

/** The consensus is recorded by either appraiser or an owner, once both appraisals are finished. */
export function mayRecordConsensus(
  appraisals: readonly IndependentAppraisalState[],
  userId: number,
  isOwner: boolean,
): boolean {
  return bothFinished(appraisals) && (isOwner || appraisals.some((appraisal) => appraisal.appraiserId === userId))
}
