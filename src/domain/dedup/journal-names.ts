import { foldText } from './fold-text.ts'
import { romanisationSkeleton, wadeGilesToPinyin } from './wade-giles.ts'

/**
 * A journal field read into the names it gives. Databases write one journal many ways: MEDLINE's full title
 * lists other names after " = " ("Zhonghua jie he he hu xi za zhi = Zhonghua jiehe he huxi zazhi = Chinese
 * journal of tuberculosis and respiratory diseases"), Ovid adds a translation in square brackets ("Zhongguo zhen
 * jiu [Chinese acupuncture & moxibustion]"), Embase keeps Wade-Giles names of Chinese journals ("Chung-Hua Chieh
 * Ho Ho Hu Hsi Tsa Chih") and an Embase meeting abstract names its meeting after the journal.
 */
export interface JournalNames {
  /** Words of the name given first, without stop words. */
  words: string[]
  /** Words of each other name the field gives (after " = ", or a translation in square brackets). */
  otherNames: string[][]
  /** The meeting, in Embase's "Journal.Conference: Meeting" form; another export may give the meeting alone. */
  meetingWords: string[]
  /** Each name as letters only in pinyin (a Wade-Giles name turned into pinyin), aspirated initials folded. */
  skeletons: string[]
  /** True when a name is written in Wade-Giles: only then do skeletons decide, not spelling. */
  wadeGiles: boolean
}

export const NO_JOURNAL: JournalNames = { words: [], otherNames: [], meetingWords: [], skeletons: [], wadeGiles: false }

/** Articles and conjunctions of the languages journal names are in. */
const JOURNAL_STOP_WORDS = new Set([
  ...['the', 'of', 'and', 'for', 'in', 'on'],
  ...['de', 'la', 'le', 'les', 'du', 'des', 'et'],
  ...['der', 'und'],
  ...['el', 'del', 'da', 'do', 'di', 'della'],
])
/**
 * One-letter stop words: French elisions (d', l') and Spanish, Portuguese and Italian "and" (y, e). At the end
 * of a name a letter is the journal's section ("Physical Review D", "Physical Review E"), so it is kept there.
 */
const LETTER_STOP_WORDS = new Set(['d', 'l', 'y', 'e'])

/** Embase's "Journal.Conference: Meeting" form of a meeting abstract's source. */
const MEETING_AFTER_JOURNAL = /\.?\s*conference\s*:\s*/i
/** Library glosses in square brackets, which are not names of the journal. */
const GLOSS = /^(electronic resource|online|print|internet|serial|computer file|microform)$/
/** Skeletons shorter than this say too little to identify a journal. */
const MIN_SKELETON = 6

/** Journal words without stop words, "&" read as "and" (dropped): "Drugs & Aging" = "Drugs and Aging". */
export function journalWords(name: string): string[] {
  const folded = foldText(name)
  if (folded === '') return []
  const words = folded.split(' ')
  return words.filter((w, i) => !JOURNAL_STOP_WORDS.has(w) && !(LETTER_STOP_WORDS.has(w) && i < words.length - 1))
}

/** Reads a journal field into its names (see JournalNames). */
export function readJournal(journal: string): JournalNames {
  const [source = '', meeting] = journal.split(MEETING_AFTER_JOURNAL)
  const translations = [...source.matchAll(/\[([^\]]*)\]/g)]
    .map((m) => m[1] ?? '')
    .filter((t) => !GLOSS.test(foldText(t)))
  // " / " introduces the publisher in MEDLINE's full titles; a parenthesis is a place or edition ("(Taipei)").
  const plain = (source.split(/\s+\/\s+/)[0] ?? '').replace(/\[[^\]]*\]|\([^)]*\)/g, ' ')
  // "Name = Other name" (MEDLINE), "Name/Other name" (Embase), but not a placeholder such as "N/A".
  const slashed = plain.split('/')
  const parts = slashed.every((part) => foldText(part).replace(/ /g, '').length >= 4) ? slashed : [plain]
  const names = [...parts.flatMap((part) => part.split(/\s+=\s+/)), ...translations].filter(
    (n) => journalWords(n).length > 0,
  )
  const [first, ...others] = names
  const pinyin = names.map(wadeGilesToPinyin)
  return {
    words: first === undefined ? [] : journalWords(first),
    otherNames: others.map(journalWords),
    meetingWords: meeting === undefined ? [] : journalWords(meeting),
    skeletons: names
      .map((n, i) => romanisationSkeleton(pinyin[i] ?? foldText(n)))
      .filter((s) => s.length >= MIN_SKELETON),
    wadeGiles: pinyin.some((p) => p !== null),
  }
}
