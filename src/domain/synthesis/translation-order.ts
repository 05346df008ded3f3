/**
 * The order studies are translated in (METHOD.md §2.3): chronological (earliest first), from an index
 * study (it comes first, the rest follow chronologically), or a custom order the team gives a rationale for.
 */
import type { TranslationOrderKind } from './vocabulary.ts'

export interface StudyForOrder {
  id: number
  label: string
  /** Publication year: the earliest year among the study's reports, else a year in its label. */
  year: number | null
}

export interface TranslationOrderSetting {
  kind: TranslationOrderKind
  indexStudyId: number | null
  /** Custom order: study id → place (from 0). Studies without a place follow, chronologically. */
  positions: ReadonlyMap<number, number>
}

export const CHRONOLOGICAL: TranslationOrderSetting = {
  kind: 'chronological',
  indexStudyId: null,
  positions: new Map(),
}

/** A study's year from its reports' years, else the first plausible year in its label ("Moffatt 2017"). */
export function studyYear(label: string, reportYears: readonly (number | null)[]): number | null {
  const years = reportYears.filter((year): year is number => year !== null)
  if (years.length > 0) return Math.min(...years)
  const match = label.match(/\b(19[5-9]\d|20\d\d)\b/)
  return match ? Number(match[1]) : null
}

function chronologically(a: StudyForOrder, b: StudyForOrder): number {
  if (a.year !== b.year) {
    if (a.year === null) return 1
    if (b.year === null) return -1
    return a.year - b.year
  }
  return a.label.localeCompare(b.label, 'en') || a.id - b.id
}

export function orderStudies<S extends StudyForOrder>(studies: readonly S[], setting: TranslationOrderSetting): S[] {
  const byYear = [...studies].sort(chronologically)
  if (setting.kind === 'index_study') {
    const index = byYear.find((study) => study.id === setting.indexStudyId)
    return index ? [index, ...byYear.filter((study) => study !== index)] : byYear
  }
  if (setting.kind === 'custom') {
    const placed = byYear.filter((study) => setting.positions.has(study.id))
    placed.sort((a, b) => setting.positions.get(a.id)! - setting.positions.get(b.id)!)
    return [...placed, ...byYear.filter((study) => !setting.positions.has(study.id))]
  }
  return byYear
}
