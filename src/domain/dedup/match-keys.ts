import { foldText } from './fold-text.ts'
import { NO_JOURNAL, readJournal, type JournalNames } from './journal-names.ts'
import { CITED_ARTICLE, isConferenceItem, publicationKind, type PublicationKind } from './publication-kind.ts'
import type { DedupRecord } from './types.ts'

/**
 * A record reduced to the forms that are compared: computed once per record, so comparing a pair costs
 * only the comparison.
 */
export interface MatchKeys {
  /** Folded title words, without notes such as "[Chinese]" or "[Erratum appears in …]". */
  titleWords: string[]
  /** Hashes of the title words in ascending order, for a quick count of the words two titles share. */
  titleWordHashes: Int32Array
  /** The folded title without spaces: "Crowd Build" and "CrowdBuild" agree. */
  titleCompact: string
  /** True when the title says nothing about which report this is ("Editorial", "Book review", "UNKNOWN"). */
  titleUninformative: boolean
  /** True when the title is MEDLINE's English translation of a title in another language ("[…]"). */
  titleTranslated: boolean
  /** Numbers in the title ("phase 2", "part 1", "phase III"), which must agree. */
  titleNumbers: string[]
  /** Folded family names in order. */
  families: string[]
  /** First initial of each author's given names, '' when unknown. */
  initials: string[]
  /**
   * Every folded word of each author's name, family and given: some exports swap the two
   * ("Ching-yi, Wu" for "Wu, Ching-yi"), so matching a family name against the other's words survives that.
   */
  nameWords: string[][]
  year: number | null
  /** The journal's names as the record gives them. */
  journal: JournalNames
  volume: string | null
  issue: string | null
  /** First page as a plain number string ("e0123456" → "123456", "c37-c42" → "37"). */
  firstPage: string | null
  /** Last page, written out in full ("221-8" → "228"); null when only one page is given. */
  lastPage: string | null
  /** True when the record is printed on a single page (a meeting abstract, a notice, a short letter). */
  onePage: boolean
  /** True for Embase's record of several letters printed together ("… (multiple letters)"). */
  letterBundle: boolean
  doi: string | null
  pmid: string | null
  kind: PublicationKind
  conference: boolean | null
  /** How many citation fields are filled in, to pick the most complete record of a cluster. */
  completeness: number
}

/** Bracketed notes databases add to titles: a language, an erratum or comment notice, a footnote mark. */
const TITLE_NOTE =
  /\[(?:[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?|\d+|(?:erratum|comment|retraction|corrected|update|published erratum|see )[^\]]*)\]|\((?:multiple letters|letter)\)|\*+/gi

const UNINFORMATIVE_TITLES = new Set([
  'unknown',
  'editorial',
  'guest editorial',
  'editorial comment',
  'editors note',
  'introduction',
  'preface',
  'foreword',
  'book review',
  'book reviews',
  'letter',
  'letter to the editor',
  'letters',
  'correspondence',
  'reply',
  'response',
  'erratum',
  'errata',
  'correction',
  'corrigendum',
  'commentary',
  'comment',
  'in this issue',
  'news',
  'abstracts',
  'untitled',
])

/** Recurring editor's pages: the same title every issue ("Editor's Comments", "Remarks from the Editor"). */
const EDITORS_PAGE =
  /(^|\b)(editor s|editors|editorial) (comments?|notes?|remarks|introduction|statement)$|^remarks from .*editor/

/** A note that databases put in square brackets, which may come first ("[Erratum appears in …] Title"). */
const BRACKETED_NOTE = /^(erratum|comment|retraction|corrected|update|published erratum|see )/i

/**
 * MEDLINE puts a translated title in square brackets ("[Hemophilia and pregnancy]. [Japanese]"). A bracket that
 * opens the title holds the title itself, however short, not a note like the "[Japanese]" after it.
 */
function unbracketTitle(title: string): string {
  // Some exports wrap the whole title in quotation marks: '"[A new paracentesis needle …]"'.
  const start = title.search(/[^\s"'\u201c\u201d]/)
  if (title[start] !== '[') return title
  let depth = 0
  for (let i = start; i < title.length; i++) {
    if (title[i] === '[') depth++
    else if (title[i] === ']' && --depth === 0) {
      const inside = title.slice(start + 1, i)
      return BRACKETED_NOTE.test(inside) ? title : `${inside} ${title.slice(i + 1)}`
    }
  }
  return title
}

/** Title words, with database notes and a correction notice's citation of its article removed. */
export function titleWords(title: string | null): string[] {
  if (title === null) return []
  const folded = foldText(unbracketTitle(title).replace(TITLE_NOTE, ' ').replace(CITED_ARTICLE, ' '))
  return folded === '' ? [] : folded.split(' ')
}

const LETTER_BUNDLE = /\(multiple letters\)/i

const ROMAN_NUMERAL = /^(ii|iii|iv|vi|vii|viii|ix|xi|xii)$/
const DIGIT_RUNS = /\d+/g

/** Digit runs and Roman numerals of a title, in order. */
/** 32-bit FNV-1a hash of each word, sorted: comparing two titles' words becomes an integer merge. */
function wordHashes(words: readonly string[]): Int32Array {
  const hashes = new Int32Array(words.length)
  for (let w = 0; w < words.length; w++) {
    const word = words[w] as string
    let hash = 0x811c9dc5
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193)
    hashes[w] = hash
  }
  return hashes.sort()
}

const NO_NUMBERS: string[] = []

function titleNumbers(words: readonly string[]): string[] {
  let numbers = NO_NUMBERS
  for (const word of words) {
    const found = ROMAN_NUMERAL.test(word) ? [word] : (word.match(DIGIT_RUNS) ?? [])
    if (found.length === 0) continue
    if (numbers === NO_NUMBERS) numbers = []
    for (const n of found) numbers.push(n.replace(/^0+(?=\d)/, ''))
  }
  return numbers
}

export interface Author {
  family: string
  initial: string
  words: string[]
}

/** Reads "Family, Given", "Family GI" (Vancouver) or "Given Family" into a folded family name and initial. */
export function readAuthor(name: string): Author {
  const comma = name.indexOf(',')
  if (comma >= 0) {
    const familyWords = foldText(name.slice(0, comma)).split(' ')
    const givenWords = foldText(name.slice(comma + 1)).split(' ')
    const words = [...familyWords, ...givenWords].filter((w) => w.length > 1 && w !== 'null')
    return { family: familyWords.join(''), initial: (givenWords[0] ?? '').charAt(0), words }
  }
  const all = foldText(name)
    .split(' ')
    .filter((w) => w !== '')
  const words = all.filter((w) => w.length > 1 && w !== 'null')
  if (all.length <= 1) return { family: all[0] ?? '', initial: '', words }
  const last = all[all.length - 1] ?? ''
  const raw = name.trim().split(/\s+/)
  const rawLast = raw[raw.length - 1] ?? ''
  // "Smith JA": a short all-capitals last word is initials, so the family name comes first.
  if (/^[A-Z.\-]{1,4}$/.test(rawLast)) {
    return { family: all.slice(0, -1).join(''), initial: last.charAt(0), words }
  }
  return { family: last, initial: (all[0] ?? '').charAt(0), words }
}

function firstNumber(value: string | null): string | null {
  if (value === null) return null
  const match = /\d+/.exec(value)
  if (match === null) return null
  const trimmed = match[0].replace(/^0+(?=\d)/, '')
  return trimmed
}

/** The last page of a range, expanding the abbreviated form ("1223-9" ends on 1229). */
function lastPage(pages: string | null, first: string | null): string | null {
  if (pages === null || first === null) return null
  const match = /\d+\D+?(\d+)\s*$/.exec(pages)
  const last = match?.[1]?.replace(/^0+(?=\d)/, '')
  if (last === undefined) return null
  const full = last.length < first.length ? first.slice(0, first.length - last.length) + last : last
  return full
}

/** Lower case without resolver prefixes or trailing punctuation; null unless it looks like a DOI. */
export function normaliseDoi(doi: string | null): string | null {
  if (doi === null) return null
  const bare = doi
    .trim()
    .toLowerCase()
    .replace(/^(https?:\/\/)?(dx\.)?doi\.org\//, '')
    .replace(/^doi:\s*/, '')
    .replace(/[.,;\s]+$/, '')
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare : null
}

function present(value: string | null): string | null {
  if (value === null) return null
  const trimmed = value.trim()
  return trimmed === '' || trimmed.toUpperCase() === 'UNKNOWN' ? null : trimmed
}

/**
 * Returns a function computing the compared forms of one record. Authors and journals recur across
 * records (the same team, the same journal), so their folded forms are remembered for the returned
 * function's lifetime: one deduplication run.
 */
export function matchKeysReader(): (record: DedupRecord) => MatchKeys {
  const authorCache = new Map<string, Author>()
  const journalCache = new Map<string, JournalNames>()
  const author = (name: string): Author => {
    let read = authorCache.get(name)
    if (read === undefined) {
      read = readAuthor(name)
      authorCache.set(name, read)
    }
    return read
  }
  const journal = (name: string | null): JournalNames => {
    if (name === null) return NO_JOURNAL
    let names = journalCache.get(name)
    if (names === undefined) {
      names = readJournal(name)
      journalCache.set(name, names)
    }
    return names
  }
  return (record) => computeKeys(record, author, journal)
}

/** Computes the compared forms of one record (for a whole run, `matchKeysReader` is faster). */
export function matchKeys(record: DedupRecord): MatchKeys {
  return computeKeys(record, readAuthor, (name) => (name === null ? NO_JOURNAL : readJournal(name)))
}

function computeKeys(
  record: DedupRecord,
  author: (name: string) => Author,
  journal: (name: string | null) => JournalNames,
): MatchKeys {
  const words = titleWords(present(record.title))
  const joined = words.join(' ')
  const authors = record.authors.map(author).filter((a) => a.family !== '' && a.family !== 'unknown')
  const volume = present(record.volume)
  const issue = present(record.issue)
  const pages = present(record.pages)
  const firstPage = firstNumber(pages)
  const last = lastPage(pages, firstPage)
  const filled = [record.title, record.journal, volume, issue, pages, record.doi, record.pmid, record.abstract]
  return {
    titleWords: words,
    titleWordHashes: wordHashes(words),
    titleCompact: words.join(''),
    titleUninformative: words.length < 2 || UNINFORMATIVE_TITLES.has(joined) || EDITORS_PAGE.test(joined),
    titleTranslated: record.title !== null && unbracketTitle(record.title) !== record.title,
    titleNumbers: titleNumbers(words),
    families: authors.map((a) => a.family),
    initials: authors.map((a) => a.initial),
    nameWords: authors.map((a) => a.words),
    year: record.year,
    journal: journal(present(record.journal)),
    volume: firstNumber(volume),
    issue: firstNumber(issue),
    firstPage,
    lastPage: last,
    // "35+" (Web of Science) is a first page and more.
    onePage: firstPage !== null && (last === null || last === firstPage) && !pages?.includes('+'),
    letterBundle: record.title !== null && LETTER_BUNDLE.test(record.title),
    doi: normaliseDoi(record.doi),
    pmid: present(record.pmid),
    kind: publicationKind(record.title, record.publicationType),
    conference: isConferenceItem(record.publicationType),
    completeness:
      filled.filter((v) => v !== null && v.trim() !== '').length +
      (record.authors.length > 0 ? 1 : 0) +
      (record.year !== null ? 1 : 0),
  }
}
