/**
 * The two published layouts of a translation table (METHOD.md §2.4 (2)).
 *
 * (a) Britten-style: one row per concept; one column per study (in translation order) holding that
 *     study's second-order interpretations of the concept; a last column with the third-order
 *     interpretations built from the concept.
 * (b) Construct chain: one row per third-order construct with its second-order constructs (cited by
 *     study), illustrative first-order quotes, contributing studies and how the studies relate.
 */
import { gridCellText, juxtapositionGrid } from './grid.ts'
import type { SimpleTable } from './simple-table.ts'
import { indexSnapshot, linksOf, studyLabels, type SnapshotMapping, type SynthesisSnapshot } from './snapshot.ts'
import { traceThirdOrders } from './traceability.ts'

/** Quotes shown per third-order construct in the chain layout; the detail page shows them all. */
export const ILLUSTRATIVE_QUOTES = 2

export function brittenTable(snapshot: SynthesisSnapshot): SimpleTable {
  const grid = juxtapositionGrid(snapshot)
  const thirdOrder = new Map(snapshot.thirdOrders.map((entry) => [entry.id, entry.label]))
  const thirdOrdersOf = (conceptId: number) =>
    snapshot.thirdOrderConcepts
      .filter((link) => link.conceptId === conceptId)
      .map((link) => thirdOrder.get(link.thirdOrderId) ?? '')
      .join('\n')
  return {
    title: 'Translation table (concepts × studies)',
    columns: ['Concept', ...grid.studies.map((study) => study.label), 'Third-order interpretations'],
    rows: grid.rows.map((row) => [row.concept.label, ...row.cells.map(gridCellText), thirdOrdersOf(row.concept.id)]),
  }
}

/** How the studies behind a set of mappings relate: reciprocal, refutational (with why), or a mix. */
export function relationshipText(
  mappings: readonly SnapshotMapping[],
  studyOf: (mapping: SnapshotMapping) => string,
): string {
  const kinds = new Set(mappings.map((mapping) => mapping.translation))
  if (kinds.size === 0) return ''
  const parts: string[] = []
  if (kinds.has('reciprocal')) parts.push('Reciprocal')
  const refutations = mappings.filter((mapping) => mapping.translation === 'refutational')
  if (refutations.length > 0) {
    parts.push(
      `Refutational: ${refutations.map((mapping) => `${studyOf(mapping)}: ${mapping.explanation}`).join('; ')}`,
    )
  }
  const untranslatable = mappings.filter((mapping) => mapping.translation === 'untranslatable')
  if (untranslatable.length > 0) parts.push(`Untranslatable: ${[...new Set(untranslatable.map(studyOf))].join(', ')}`)
  return parts.join('\n')
}

export function constructChainTable(snapshot: SynthesisSnapshot): SimpleTable {
  const links = linksOf(snapshot)
  const index = indexSnapshot(snapshot)
  const studyLabel = (studyId: number) => index.study.get(studyId)?.label ?? ''
  const studyOf = (mapping: SnapshotMapping) => studyLabel(index.construct.get(mapping.secondOrderId)?.studyId ?? -1)
  return {
    title: 'Translation table (construct chain)',
    columns: [
      'Third-order construct',
      'Second-order constructs (studies)',
      'Illustrative first-order quotes',
      'Contributing studies',
      'Relationship',
    ],
    rows: snapshot.thirdOrders.map((thirdOrder) => {
      const trace = traceThirdOrders(links, [thirdOrder.id])
      const constructs = new Set(trace.secondOrderIds)
      const concepts = new Set(trace.conceptIds)
      const mappings = snapshot.mappings.filter(
        (mapping) => concepts.has(mapping.conceptId) && constructs.has(mapping.secondOrderId),
      )
      const quotes = trace.quoteIds
        .slice(0, ILLUSTRATIVE_QUOTES)
        .map((id) => index.quote.get(id))
        .filter((quote) => quote !== undefined)
        .map((quote) => `“${quote.quote}” (${studyLabel(quote.studyId)}${quote.page ? `, p. ${quote.page}` : ''})`)
      return [
        thirdOrder.label,
        trace.secondOrderIds
          .map((id) => index.construct.get(id))
          .filter((construct) => construct !== undefined)
          .map((construct) => `${construct.label} (${studyLabel(construct.studyId)})`)
          .join('\n'),
        quotes.join('\n'),
        studyLabels(snapshot, trace.studyIds).join('; '),
        relationshipText(mappings, studyOf),
      ]
    }),
  }
}
