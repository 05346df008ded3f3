import type { MatchKeys } from './match-keys.ts'

/**
 * Blocking: only records that share a block are compared, so the work grows with the number of records
 * rather than its square. Each record joins a handful of blocks, each keyed so that two exports of one
 * report share at least one even when some fields are missing or garbled:
 * the DOI, the PubMed id, the beginning of the title, the end of the title (for prefixes such as
 * "Erratum:" or "MEDICAL PROGRESS"), first author with year or first page, and volume with first page
 * (for records without a title).
 */

/** Characters of the compact title that make a title-start or title-end key. */
const TITLE_KEY_LENGTH = 30
/** Blocks larger than this are compared only between neighbours in title order. */
const MAX_BLOCK = 40
/** Blocks between two progress reports. */
const PROGRESS_EVERY = 4096
/** How many following neighbours each member of an oversized block is compared with. */
const NEIGHBOUR_WINDOW = 6

/** The block keys of one record; the letter in front keeps keys of different kinds apart. */
export function blockKeys(keys: MatchKeys): string[] {
  const blocks: string[] = []
  if (keys.doi !== null) blocks.push('d' + keys.doi)
  if (keys.pmid !== null) blocks.push('p' + keys.pmid)
  const title = keys.titleCompact
  if (title.length >= 8 && !keys.titleUninformative) {
    blocks.push('t' + title.slice(0, TITLE_KEY_LENGTH))
    if (title.length > TITLE_KEY_LENGTH) blocks.push('e' + title.slice(-TITLE_KEY_LENGTH))
  }
  const firstAuthor = keys.families[0]
  if (firstAuthor !== undefined) {
    if (keys.year !== null) blocks.push(`a${firstAuthor}|${keys.year}`)
    if (keys.firstPage !== null) blocks.push(`f${firstAuthor}|${keys.firstPage}`)
  }
  if (keys.volume !== null && keys.firstPage !== null)
    blocks.push(`v${keys.volume}|${keys.firstPage}|${keys.year ?? ''}`)
  return blocks
}

/**
 * Calls `visit(i, j)` (i < j, indexes into `all`) once for every pair of records sharing a block.
 */
export function forEachCandidatePair(
  all: readonly MatchKeys[],
  visit: (i: number, j: number) => void,
  onProgress?: (done: number, total: number) => void,
): void {
  const blocks = groupIntoBlocks(all)
  const total = blocks.size
  let done = 0
  const n = all.length
  const seen = new Set<number>()
  const pair = (x: number, y: number) => {
    const i = Math.min(x, y)
    const j = Math.max(x, y)
    const id = i * n + j
    if (seen.has(id)) return
    seen.add(id)
    visit(i, j)
  }
  for (const members of blocks.values()) {
    done += 1
    if (onProgress !== undefined && done % PROGRESS_EVERY === 0) onProgress(done, total)
    if (typeof members === 'number') continue
    if (members.length <= MAX_BLOCK) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) pair(members[x] as number, members[y] as number)
      }
      continue
    }
    // An oversized block (a common surname and year, a placeholder DOI): sorted neighbourhood by title.
    const sorted = [...members].sort((p, q) => {
      const tp = all[p]?.titleCompact ?? ''
      const tq = all[q]?.titleCompact ?? ''
      return tp < tq ? -1 : tp > tq ? 1 : p - q
    })
    for (let x = 0; x < sorted.length; x++) {
      const end = Math.min(sorted.length, x + 1 + NEIGHBOUR_WINDOW)
      for (let y = x + 1; y < end; y++) pair(sorted[x] as number, sorted[y] as number)
    }
  }
}

/** 31-bit FNV-1a hash: block keys become small integers, cheaper to store than strings. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash >>> 1
}

/**
 * Record positions by block. Most blocks hold a single record, stored as a bare number to spare an
 * array per block. Two keys with the same hash share a block, which costs a few needless comparisons.
 */
function groupIntoBlocks(all: readonly MatchKeys[]): Map<number, number | number[]> {
  const blocks = new Map<number, number | number[]>()
  all.forEach((keys, index) => {
    for (const key of blockKeys(keys)) {
      const hash = hashKey(key)
      const members = blocks.get(hash)
      if (members === undefined) blocks.set(hash, index)
      else if (typeof members === 'number') {
        if (members !== index) blocks.set(hash, [members, index])
      } else if (members[members.length - 1] !== index) members.push(index)
    }
  })
  return blocks
}
