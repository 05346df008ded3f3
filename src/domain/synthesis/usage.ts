/** What deleting a concept, construct or node would take with it, as the confirmation page lists it. */
import type { TranslationKind } from './vocabulary.ts'

export interface MappingUsage {
  mappingId: number
  conceptLabel: string
  constructLabel: string
  studyLabel: string
  translation: TranslationKind
}

export interface SynthesisUsage {
  mappings: MappingUsage[]
  thirdOrders: { id: number; label: string }[]
  /** Findings whose contributing studies change; `deletedWithIt` when the finding rests on the deleted thing alone. */
  findings: { id: number; summary: string; deletedWithIt: boolean }[]
  /** Nodes of the line of argument that go, with how many relations they carry. */
  argumentNodes: { id: number; label: string; relations: number }[]
}
