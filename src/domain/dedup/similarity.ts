/**
 * String likeness measures, written here so the dedup engine has no dependency and its cost is known.
 */

let matchedA = new Uint8Array(64)
let matchedB = new Uint8Array(64)

/** Jaro similarity (0..1): shared characters within a sliding window, penalised for transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1
  const la = a.length
  const lb = b.length
  if (la === 0 || lb === 0) return 0
  if (matchedA.length < la) matchedA = new Uint8Array(la * 2)
  if (matchedB.length < lb) matchedB = new Uint8Array(lb * 2)
  matchedA.fill(0, 0, la)
  matchedB.fill(0, 0, lb)
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(lb - 1, i + window)
    const ch = a.charCodeAt(i)
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === ch) {
        matchedA[i] = 1
        matchedB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let j = 0
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue
    while (matchedB[j] === 0) j++
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++
    j++
  }
  const m = matches
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3
}

/**
 * Jaro-Winkler similarity (0..1): Jaro, raised for a shared prefix of up to four characters, because
 * spelling variants of names and words mostly differ towards the end.
 */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b)
  if (j === 0 || j === 1) return j
  let prefix = 0
  const limit = Math.min(4, a.length, b.length)
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return j + prefix * 0.1 * (1 - j)
}

/** How many words two word lists share, and the lengths needed to turn that into a ratio. */
export interface WordOverlap {
  shared: number
  sizeA: number
  sizeB: number
}

const hasDigit = /\d/

/**
 * Counts words the two lists share, allowing for spelling variants ("haemolytic" / "hemolytic",
 * "paroxsmal" / "paroxysmal"): long words match when their Jaro-Winkler likeness is at least 0.92.
 * Words holding digits must match exactly, because "phase 2" and "phase 3" are different trials.
 */
export function wordOverlap(a: readonly string[], b: readonly string[]): WordOverlap {
  const unmatched = new Map<string, number>()
  for (const word of b) unmatched.set(word, (unmatched.get(word) ?? 0) + 1)
  let shared = 0
  const leftoverA: string[] = []
  for (const word of a) {
    const left = unmatched.get(word)
    if (left !== undefined && left > 0) {
      unmatched.set(word, left - 1)
      shared++
    } else if (word.length >= 4 && !hasDigit.test(word)) {
      leftoverA.push(word)
    }
  }
  if (leftoverA.length > 0 && shared < b.length) {
    const leftoverB: string[] = []
    for (const [word, left] of unmatched) {
      if (word.length < 4 || hasDigit.test(word)) continue
      for (let k = 0; k < left; k++) leftoverB.push(word)
    }
    for (const word of leftoverA) {
      const at = leftoverB.findIndex((other) => jaroWinkler(word, other) >= 0.92)
      if (at >= 0) {
        leftoverB.splice(at, 1)
        shared++
      }
    }
  }
  return { shared, sizeA: a.length, sizeB: b.length }
}

/** Dice coefficient of two word lists: shared words over the average length. */
export function wordDice(overlap: WordOverlap): number {
  const total = overlap.sizeA + overlap.sizeB
  return total === 0 ? 0 : (2 * overlap.shared) / total
}

/** Share of the shorter list found in the longer: 1 when one title is the other plus a subtitle. */
export function wordContainment(overlap: WordOverlap): number {
  const shorter = Math.min(overlap.sizeA, overlap.sizeB)
  return shorter === 0 ? 0 : overlap.shared / shorter
}
