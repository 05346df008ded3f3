import type { FindingBasis } from '../synthesis/vocabulary.ts'

/** A review finding as the team writes it: its summary statement and what it rests on. */
export interface FindingInput {
  summary: string
  basis: FindingBasis
  /** The third-order construct it summarises; null when it rests on the line of argument. */
  thirdOrderId: number | null
}
