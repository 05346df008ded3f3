/**
 * Where appraisal stands across the included studies: who appraises each, whether both finished, how many
 * items they differ on, and the consensus sheets that make the study × item matrix.
 */
import type { Executor } from '../../db/client.ts'
import { differingItems } from '../domain/appraisal/answers.ts'
import { bothFinished } from '../domain/appraisal/blinding.ts'
import { TOOLS, type AppraisalToolId } from '../domain/appraisal/tools.ts'
import { independentStates, loadSheets } from './appraisals.ts'
import { listIncludedStudies } from './included-studies.ts'
import type { StudyAppraisalStatus } from '../domain/appraisal/sheets.ts'

export function appraisalOverview(db: Executor, reviewId: number, tool: AppraisalToolId): StudyAppraisalStatus[] {
  const studies = listIncludedStudies(db, reviewId)
  const sheets = loadSheets(
    db,
    reviewId,
    tool,
    studies.map((study) => study.id),
  )
  return studies.map((study) => {
    const own = sheets.filter((sheet) => sheet.studyId === study.id)
    const independent = own.filter((sheet) => sheet.kind === 'independent')
    const [first, second] = independent
    const finished = bothFinished(independentStates(independent)) && first && second
    return {
      study,
      appraisers: independent.map((sheet) => ({
        id: sheet.appraiserId!,
        name: sheet.appraiserName,
        finished: sheet.finishedAt !== null,
      })),
      differing: finished ? differingItems(TOOLS[tool], first.answers, second.answers).length : null,
      consensus: own.find((sheet) => sheet.kind === 'consensus') ?? null,
    }
  })
}
