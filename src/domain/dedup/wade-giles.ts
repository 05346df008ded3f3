/**
 * Chinese journal names are romanised two ways: Wade-Giles ("Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih"), which
 * Embase and older MEDLINE records keep, and pinyin ("Zhonghua jie he he hu xi za zhi"), which MEDLINE uses
 * since the late 1990s. Both name one journal, so the two spellings must compare equal.
 */

/** A Wade-Giles syllable: initial (with the aspiration apostrophe) and final. */
const WADE_SYLLABLE =
  /^(ch'?|hs|ts'?|tz'?|ss|sz|sh|p'?|t'?|k'?|j|m|f|n|l|h|s|y|w)?(a|ai|an|ang|ao|e|eh|ei|en|eng|erh|i|ia|iang|iao|ieh|ien|ih|in|ing|io|iu|iung|o|ou|u|ua|uai|uan|uang|ueh|uei|ui|un|ung|uo)$/

/** A pinyin syllable (generous: a few impossible pairs are accepted, which only makes detection stricter). */
const PINYIN_SYLLABLE =
  /^(zh|ch|sh|b|p|m|f|d|t|n|l|g|k|h|j|q|x|r|z|c|s|y|w)?(a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo)$/

const APOSTROPHES = /[\u2018\u2019\u02bb\u02bc`]/g
const COMBINING_MARKS = /[\u0300-\u036f]/g

/** Lower-case syllables of a name, diacritics dropped ("ü" → "u"), the aspiration apostrophe kept. */
function syllables(name: string): string[] {
  return name
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .split(/[^a-z']+/)
    .map((s) => s.replace(/^'+|'+$/g, ''))
    .filter((s) => s !== '')
}

/** Wade-Giles finals that pinyin spells otherwise. */
const FINALS: Record<string, string> = {
  ieh: 'ie',
  ien: 'ian',
  ueh: 'ue',
  ung: 'ong',
  iung: 'iong',
  uei: 'ui',
  erh: 'er',
}

/** Initials before a final; `front` is true before i or ü, where ch/ch' become j/q. */
function pinyinInitial(initial: string, front: boolean): string {
  switch (initial) {
    case 'ch':
      return front ? 'j' : 'zh'
    case "ch'":
      return front ? 'q' : 'ch'
    case 'hs':
      return 'x'
    case 'ts':
    case 'tz':
      return 'z'
    case "ts'":
    case "tz'":
      return 'c'
    case 'ss':
    case 'sz':
      return 's'
    case 'j':
      return 'r'
    case 'k':
      return 'g'
    case "k'":
      return 'k'
    case 'p':
      return 'b'
    case "p'":
      return 'p'
    case 't':
      return 'd'
    case "t'":
      return 't'
    default:
      return initial
  }
}

/** One Wade-Giles syllable in pinyin ("chieh" → "jie", "tsa" → "za", "chih" → "zhi", "ko" → "ge"). */
export function wadeSyllableToPinyin(syllable: string): string {
  const match = WADE_SYLLABLE.exec(syllable)
  if (match === null) return syllable
  const initial = match[1] ?? ''
  let final = match[2] ?? ''
  if (initial === '') {
    if (final === 'i') return 'yi'
    if (final === 'o') return 'e'
    return FINALS[final] ?? final
  }
  if (initial === 'y') return 'y' + (final === 'en' ? 'an' : final === 'eh' ? 'e' : (FINALS[final] ?? final))
  if (final === 'ih')
    final = 'i' // chih, shih, jih
  else if (final === 'u' && /^(tz|ss|sz)/.test(initial))
    final = 'i' // tzu, ssu
  else if (final === 'o') final = /^(k|h)/.test(initial) ? 'e' : /^(p|m|f|w)/.test(initial) ? 'o' : 'uo'
  else final = FINALS[final] ?? final
  const front = final.startsWith('i') && match[2] !== 'ih'
  return pinyinInitial(initial, front || (initial.startsWith('ch') && final === 'ue')) + final
}

/**
 * The name in pinyin when it begins with a Wade-Giles name (two or more Wade-Giles syllables, at least one of
 * them impossible in pinyin), otherwise null: "Chung-Hua Nei K'o Tsa Chih" → "zhong hua nei ke za zhi". Embase
 * may run an English name on ("Chung-Hua Chieh Ho Ho Hu Hsi Tsa Chih Chinese Journal of Tuberculosis &
 * Respiratory Diseases"): the Wade-Giles words before it are the name.
 */
export function wadeGilesToPinyin(name: string): string | null {
  const words = syllables(name)
  let run = 0
  while (run < words.length && WADE_SYLLABLE.test(words[run] as string)) run++
  const wade = words.slice(0, run)
  if (wade.length < 2 || wade.every((w) => PINYIN_SYLLABLE.test(w))) return null
  return wade.map(wadeSyllableToPinyin).join(' ')
}

/** Aspirated and plain initials, which exports that drop Wade-Giles apostrophes ("Nei Ko" for "Nei K'o") confuse. */
const ASPIRATION_PAIRS: Record<string, string> = { p: 'b', t: 'd', k: 'g', c: 'z', q: 'j' }

/**
 * Letters only, aspirated initials folded onto plain ones: the form in which a pinyin name and a Wade-Giles name
 * turned into pinyin agree whatever the spacing ("jiehe" / "jie he") or lost apostrophes.
 */
export function romanisationSkeleton(pinyin: string): string {
  return pinyin
    .toLowerCase()
    .replace(/[^a-z]+/g, '')
    .replace(/[ptkcq]/g, (ch) => ASPIRATION_PAIRS[ch] ?? ch)
}
