/**
 * The juxtaposition grid (METHOD.md §2.4 (1), Noblit & Hare phase 4): rows are the reviewers' concepts,
 * columns the studies in translation order, each cell the study's second-order constructs mapped to that
 * concept. An empty cell is kept: which studies are silent on a concept is itself informative.
 */
import type { SimpleTable } from './simple-table.ts'
import type { SnapshotConcept, SnapshotConstruct, SnapshotMapping, SynthesisSnapshot } from './snapshot.ts'
import type { StudyForOrder } from './translation-order.ts'

export interface GridEntry {
  mapping: SnapshotMapping
  construct: SnapshotConstruct
}

export interface GridRow {
  concept: SnapshotConcept
  /** One cell per study, in the order of `studies`. */
  cells: GridEntry[][]
}

export interface JuxtapositionGrid {
  studies: StudyForOrder[]
  rows: GridRow[]
  /** Per study (same order), the constructs not yet mapped to any concept. */
  unmapped: SnapshotConstruct[][]
  /** Per study (same order), how many second-order constructs it has: none is not "all mapped". */
  constructCounts: number[]
}

export function juxtapositionGrid(snapshot: SynthesisSnapshot): JuxtapositionGrid {
  const column = new Map(snapshot.studies.map((study, index) => [study.id, index]))
  const construct = new Map(snapshot.constructs.map((entry) => [entry.id, entry]))
  const rows: GridRow[] = snapshot.concepts.map((concept) => ({ concept, cells: snapshot.studies.map(() => []) }))
  const rowOf = new Map(rows.map((row) => [row.concept.id, row]))
  const mapped = new Set<number>()
  for (const mapping of snapshot.mappings) {
    const entry = construct.get(mapping.secondOrderId)
    const row = rowOf.get(mapping.conceptId)
    const index = entry ? column.get(entry.studyId) : undefined
    if (!entry || !row || index === undefined) continue
    row.cells[index]!.push({ mapping, construct: entry })
    mapped.add(entry.id)
  }
  const unmapped: SnapshotConstruct[][] = snapshot.studies.map(() => [])
  const constructCounts = snapshot.studies.map(() => 0)
  for (const entry of snapshot.constructs) {
    const index = column.get(entry.studyId)
    if (index === undefined) continue
    constructCounts[index]! += 1
    if (!mapped.has(entry.id)) unmapped[index]!.push(entry)
  }
  return { studies: snapshot.studies, rows, unmapped, constructCounts }
}

const KIND_MARK = { reciprocal: '', refutational: ' [refutes]', untranslatable: ' [untranslatable]' } as const

/** A cell's text for exports: each construct on its own line, refutations and untranslatables marked. */
export function gridCellText(entries: readonly GridEntry[]): string {
  return entries.map(({ construct, mapping }) => `${construct.label}${KIND_MARK[mapping.translation]}`).join('\n')
}

export function gridTable(grid: JuxtapositionGrid): SimpleTable {
  return {
    title: 'Juxtaposition grid',
    columns: ['Concept', ...grid.studies.map((study) => study.label)],
    rows: grid.rows.map((row) => [row.concept.label, ...row.cells.map(gridCellText)]),
  }
}
