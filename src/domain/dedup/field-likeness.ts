import type { MatchKeys } from './match-keys.ts'
import { jaroWinkler, wordContainment, wordDice, wordOverlap } from './similarity.ts'

/** How alike two titles are: symmetric likeness, and how much of the shorter the longer contains. */
export interface TitleLikeness {
  similarity: number
  containment: number
}

/** Dice coefficient of character pairs: tolerant of words run together ("CrowdBuild") and typos. */
function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0
  const counts = new Map<string, number>()
  for (let i = 0; i < a.length - 1; i++) {
    const gram = a.slice(i, i + 2)
    counts.set(gram, (counts.get(gram) ?? 0) + 1)
  }
  let shared = 0
  for (let i = 0; i < b.length - 1; i++) {
    const gram = b.slice(i, i + 2)
    const left = counts.get(gram)
    if (left !== undefined && left > 0) {
      counts.set(gram, left - 1)
      shared++
    }
  }
  return (2 * shared) / (a.length + b.length - 2)
}

/** Title likeness, or null when either record has no title. */
export function titleLikeness(a: MatchKeys, b: MatchKeys): TitleLikeness | null {
  if (a.titleWords.length === 0 || b.titleWords.length === 0) return null
  if (a.titleCompact === b.titleCompact) return { similarity: 1, containment: 1 }
  const overlap = wordOverlap(a.titleWords, b.titleWords)
  const dice = wordDice(overlap)
  // Only titles that already share most words earn the finer character comparison.
  const characters = dice >= 0.5 ? bigramDice(a.titleCompact, b.titleCompact) : 0
  return { similarity: Math.max(dice, characters), containment: wordContainment(overlap) }
}

/** True when a family name of one author appears among the words of the other's name. */
function sameNamedAuthor(familyWords: readonly string[], otherWords: readonly string[]): boolean {
  return familyWords.some((w) => w.length > 1 && otherWords.includes(w))
}

/**
 * Share of the first few authors whose family name appears somewhere in the other record's author at
 * the same position: survives swapped family and given names ("Jooa Julia, Lee" / "Lee, J. J.") and
 * particles ("De Joode" / "Joode").
 */
function sharedFamilyNames(a: MatchKeys, b: MatchKeys, count: number): number {
  let shared = 0
  for (let i = 0; i < count; i++) {
    const wordsA = a.nameWords[i] ?? []
    const wordsB = b.nameWords[i] ?? []
    const familyA = a.families[i] ?? ''
    const familyB = b.families[i] ?? ''
    if (
      familyA === familyB ||
      wordsB.includes(familyA) ||
      wordsA.includes(familyB) ||
      sameNamedAuthor(
        wordsA.filter((w) => familyA.includes(w)),
        wordsB,
      ) ||
      sameNamedAuthor(
        wordsB.filter((w) => familyB.includes(w)),
        wordsA,
      )
    ) {
      shared++
    }
  }
  return shared / count
}

/**
 * Author likeness, 0..1, or null when either record lists no authors. Family names of the first few
 * authors are compared with Jaro-Winkler, so "Kim, S. H." and "Kim, Seok Hun" agree and small spelling
 * differences cost little; the result is lowered when the first authors' initials disagree
 * ("Hall, L." / "Hall, G."). Only as many authors as the shorter list has are compared: some databases
 * list just the first.
 */
export function authorLikeness(a: MatchKeys, b: MatchKeys): number | null {
  const count = Math.min(a.families.length, b.families.length, 5)
  if (count === 0) return null
  let similarity = jaroWinkler(a.families.slice(0, count).join(' '), b.families.slice(0, count).join(' '))
  const initialA = a.initials[0] ?? ''
  const initialB = b.initials[0] ?? ''
  if (initialA !== '' && initialB !== '' && initialA !== initialB) similarity *= 0.85
  if (similarity >= 0.95) return similarity
  return Math.max(similarity, sharedFamilyNames(a, b, count) * 0.95)
}

/**
 * True when every word of `short` begins a word of `long`, in order, skipping nothing but trailing words:
 * "N Engl J Med" / "New England Journal of Medicine", "Nephron" / "Nephron Clinical Practice".
 */
function abbreviates(short: readonly string[], long: readonly string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false
  return short.every((word, i) => (long[i] ?? '').startsWith(word))
}

/**
 * Journal likeness allowing for ISO abbreviations; null when either record has no journal. A meeting
 * abstract's source may be given as the journal, the meeting, or both ("Journal.Conference: Meeting"):
 * the best agreement of journal or meeting with the other's journal counts. So does the best agreement of
 * any of the names either record gives ("Name = Other name", a translation in brackets), and a Chinese
 * journal's Wade-Giles name agrees with its pinyin name.
 */
export function journalLikeness(a: MatchKeys, b: MatchKeys): number | null {
  const ja = a.journal
  const jb = b.journal
  if (ja.words.length === 0 || jb.words.length === 0) return null
  let best = sourceLikeness(ja.words, jb.words)
  if (best < 1 && ja.meetingWords.length > 0) best = Math.max(best, sourceLikeness(ja.meetingWords, jb.words))
  if (best < 1 && jb.meetingWords.length > 0) best = Math.max(best, sourceLikeness(ja.words, jb.meetingWords))
  if (best < 1 && (ja.otherNames.length > 0 || jb.otherNames.length > 0)) {
    for (const x of [ja.words, ...ja.otherNames]) {
      for (const y of [jb.words, ...jb.otherNames]) best = Math.max(best, sourceLikeness(x, y))
    }
  }
  if (best < 1 && (ja.wadeGiles || jb.wadeGiles) && ja.skeletons.some((s) => jb.skeletons.includes(s))) best = 1
  return best
}

function sourceLikeness(a: readonly string[], b: readonly string[]): number {
  const joinedA = a.join(' ')
  const joinedB = b.join(' ')
  if (joinedA === joinedB || joinedA.replace(/ /g, '') === joinedB.replace(/ /g, '')) return 1
  for (const [short, long] of [
    [a, b],
    [b, a],
  ] as const) {
    if (abbreviates(short, long)) return short.length === long.length ? 0.95 : 0.9
  }
  return jaroWinkler(joinedA, joinedB)
}

/** 1 when equal, 0 when different, null when either is missing. */
export function sameValue(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null
  return a === b ? 1 : 0
}

/** 1 for the same year, 0.5 a year apart (online first, then in print), 0 further apart. */
export function yearLikeness(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null
  const gap = Math.abs(a - b)
  return gap === 0 ? 1 : gap === 1 ? 0.5 : 0
}
