/** Gathers the synthesis report's model (src/domain/reporting/synthesis-report.ts) for one review. */
import type { Executor } from '../../db/client.ts'
import type { Review } from '../../db/schema.ts'
import { emergeRows, ILLUSTRATIVE_QUOTES_IN_REPORT, type ReportModel } from '../domain/reporting/synthesis-report.ts'
import { soqfTable } from '../domain/cerqual/tables.ts'
import { chainOf } from '../domain/synthesis/chain.ts'
import { findingsForTables } from './cerqual-findings.ts'
import { checklistResponses } from './synthesis-checklists.ts'
import { readLineOfArgument } from './synthesis-line-of-argument.ts'
import { loadSynthesisSnapshot } from './synthesis-snapshot.ts'

/** The report's model, and the line-of-argument model the route lays out as the figure (laying out is async). */
export function synthesisReport(
  db: Executor,
  review: Review,
): { model: ReportModel; argument: ReturnType<typeof readLineOfArgument> } {
  const snapshot = loadSynthesisSnapshot(db, review.id)
  const argument = readLineOfArgument(db, review.id)
  const nodeLabel = new Map(argument.nodes.map((node) => [node.id, node.label]))
  const studyLabel = new Map(snapshot.studies.map((study) => [study.id, study.label]))
  const model: ReportModel = {
    reviewTitle: review.title,
    question: review.question,
    statement: argument.statement,
    levels: argument.levels.map((level) => ({
      label: level.label,
      constructs: argument.nodes.filter((node) => node.levelId === level.id).map((node) => node.label),
    })),
    relations: argument.relations.map((relation) => ({
      from: nodeLabel.get(relation.fromNodeId) ?? '',
      to: nodeLabel.get(relation.toNodeId) ?? '',
      label: relation.label,
    })),
    thirdOrders: snapshot.thirdOrders.map((thirdOrder) => {
      const chain = chainOf(snapshot, [thirdOrder.id])
      return {
        id: thirdOrder.id,
        label: thirdOrder.label,
        definition: thirdOrder.definition,
        studies: chain.studies.map((study) => study.label),
        quotes: chain.quotes
          .slice(0, ILLUSTRATIVE_QUOTES_IN_REPORT)
          .map((quote) => ({ text: quote.quote, study: studyLabel.get(quote.studyId) ?? '', page: quote.page })),
      }
    }),
    soqf: soqfTable(findingsForTables(db, review.id, snapshot)),
    emerge: emergeRows(checklistResponses(db, review.id, 'emerge')),
  }
  return { model, argument }
}
