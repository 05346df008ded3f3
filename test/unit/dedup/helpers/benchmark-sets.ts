import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DedupRecord, DuplicateCluster } from '../../../../src/domain/dedup/index.ts'

/**
 * Reading the bib-dedupe benchmark sets (Rathbone et al. 2015 and others, as published by
 * CoLRev-Environment/bib-dedupe) into dedup records and their ground-truth clusters.
 */

/** RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function readCsv(text: string, delimiter = ','): Record<string, string>[] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  const [header, ...body] = rows
  if (header === undefined) return []
  return body
    .filter((cells) => cells.length > 1 || (cells[0] ?? '') !== '')
    .map((cells) => Object.fromEntries(header.map((name, k) => [name, cells[k] ?? ''])))
}

function value(row: Record<string, string>, ...names: string[]): string | null {
  for (const name of names) {
    const v = row[name]?.trim()
    if (v !== undefined && v !== '' && v.toUpperCase() !== 'UNKNOWN') return v
  }
  return null
}

export interface BenchmarkSet {
  records: DedupRecord[]
  /** Ground truth: each cluster lists record ids known to be one report. */
  truth: number[][]
  /** The benchmark's own ids ("id_0000001") by our numeric id, for printing misses. */
  labels: Map<number, string>
}

/** Loads `bibdedupe_<name>_records_pre_merged.csv` and `bibdedupe_<name>_merged_record_ids.csv`. */
export function loadBenchmarkSet(folder: string, name: string): BenchmarkSet {
  const rows = readCsv(readFileSync(join(folder, `bibdedupe_${name}_records_pre_merged.csv`), 'utf8'))
  const idOf = new Map<string, number>()
  const labels = new Map<number, string>()
  const records = rows.map((row, index): DedupRecord => {
    const id = index + 1
    const label = row['ID'] ?? String(id)
    idOf.set(label, id)
    labels.set(id, label)
    const author = value(row, 'author')
    const year = value(row, 'year')
    return {
      id,
      title: value(row, 'title'),
      authors:
        author === null
          ? []
          : author
              .split(/\s+and\s+/)
              .map((a) => a.trim())
              .filter((a) => a !== ''),
      year: year !== null && /^\d{4}$/.test(year) ? Number(year) : null,
      journal: value(row, 'journal', 'booktitle'),
      volume: value(row, 'volume'),
      issue: value(row, 'number', 'issue'),
      pages: value(row, 'pages'),
      doi: value(row, 'doi'),
      pmid: null,
      abstract: value(row, 'abstract'),
      publicationType: value(row, 'ENTRYTYPE'),
    }
  })
  const truthRows = readCsv(readFileSync(join(folder, `bibdedupe_${name}_merged_record_ids.csv`), 'utf8'))
  const truth = truthRows.map((row) =>
    (row['merged_ids'] ?? '')
      .split(';')
      .map((label) => idOf.get(label.trim()))
      .filter((id): id is number => id !== undefined),
  )
  return { records, truth, labels }
}

function pairsOf(groups: readonly (readonly number[])[]): Set<string> {
  const pairs = new Set<string>()
  for (const group of groups) {
    const sorted = [...group].sort((a, b) => a - b)
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length; y++) pairs.add(`${sorted[x]}:${sorted[y]}`)
    }
  }
  return pairs
}

export interface PairwiseAccuracy {
  truePairs: number
  mergedPairs: number
  correctPairs: number
  recall: number
  precision: number
  missed: string[]
  wrong: string[]
}

/**
 * Pairwise recall and precision of the automatic merges: every two records placed in one cluster count
 * as a merged pair (merging is transitive), pairs left for a reviewer count as not merged.
 */
export function pairwiseAccuracy(clusters: readonly DuplicateCluster[], truth: readonly number[][]): PairwiseAccuracy {
  const expected = pairsOf(truth)
  const merged = pairsOf(clusters.map((c) => [c.primaryId, ...c.duplicateIds]))
  const missed = [...expected].filter((p) => !merged.has(p))
  const wrong = [...merged].filter((p) => !expected.has(p))
  const correctPairs = merged.size - wrong.length
  return {
    truePairs: expected.size,
    mergedPairs: merged.size,
    correctPairs,
    recall: expected.size === 0 ? 1 : correctPairs / expected.size,
    precision: merged.size === 0 ? 1 : correctPairs / merged.size,
    missed,
    wrong,
  }
}

/** The `colrev_origin` list of each BibTeX entry, in file order. */
function colrevOrigins(bib: string): string[][] {
  return bib
    .split(/^@/m)
    .slice(1)
    .map((entry) => {
      const list = /colrev_origin\s*=\s*\{([^}]*)\}/.exec(entry)?.[1] ?? ''
      return list
        .split(';')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== '')
    })
}

/**
 * CoLRev's expected output lists, for each merged record, the origins of the input records it merged: input
 * records (ids 1, 2, … in file order) whose origins end up in one expected record are one report.
 */
export function colrevTruth(input: string, expected: string): number[][] {
  const mergedInto = new Map<string, number>()
  colrevOrigins(expected).forEach((origins, index) => origins.forEach((o) => mergedInto.set(o, index)))
  const groups = new Map<number, number[]>()
  colrevOrigins(input).forEach((origins, index) => {
    const target = mergedInto.get(origins[0] ?? '')
    if (target === undefined) return
    groups.set(target, [...(groups.get(target) ?? []), index + 1])
  })
  return [...groups.values()].filter((group) => group.length > 1)
}
