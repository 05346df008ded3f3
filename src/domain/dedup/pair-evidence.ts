import { doiRelation, type DoiRelation } from './doi-relation.ts'
import {
  authorLikeness,
  journalLikeness,
  sameValue,
  titleLikeness,
  yearLikeness,
  type TitleLikeness,
} from './field-likeness.ts'
import type { MatchKeys } from './match-keys.ts'
import type { DedupRecord, FieldEvidence } from './types.ts'

/** Every comparison the merge rules look at, for one pair. */
export interface PairComparison {
  doi: DoiRelation | null
  /** 1 same PubMed id, 0 different, null when either lacks one. */
  pmid: number | null
  title: TitleLikeness | null
  /** True when either title says nothing about which report it is ("Editorial", "UNKNOWN"). */
  titleUninformative: boolean
  /** True when either title is MEDLINE's translation, which the other database may word differently. */
  titleTranslated: boolean
  /** True when both titles carry numbers and neither set contains the other ("part 1" / "part 2"). */
  titleNumbersDiffer: boolean
  authors: number | null
  /** Absolute difference in years, null when either lacks a year. */
  yearGap: number | null
  journal: number | null
  volume: number | null
  issue: number | null
  firstPage: number | null
  /** True when both records start on the same page and it is not page 1 (which every issue's opener shares). */
  samePageNotFirst: boolean
  /** True when both records give the same page range of more than one page. */
  samePageRange: boolean
  /** Pages in that shared range, 0 when the ranges are not the same. */
  samePageCount: number
  /** True when the page ranges disagree at both ends (one differing end is more often a typo). */
  pagesDisagree: boolean
  /** True when one record is an erratum, retraction or comment and the other is not of that kind. */
  kindsDiffer: boolean
  /** True when one record is a conference item and the other a journal article. */
  conferenceVsJournal: boolean
  /** True when both records are conference items, whose venue names vary most ("AMCIS 2017 Proceedings"). */
  bothConference: boolean
  /** Words in the shorter title: a long title is distinctive, a short one may be a recurring column's. */
  shorterTitleWords: number
  /** True when either record is printed on a single page (a meeting abstract or a notice). */
  onePageItem: boolean
  /**
   * True when one record is a set of letters printed together and the other lies within its pages in the
   * same volume: one of those letters.
   */
  letterWithinBundle: boolean
  /**
   * True when one record is the other's online-first version: a year earlier, without volume or issue, its
   * pages (if any) the article's own from page 1, while the other is in a volume.
   */
  onlineFirst: boolean
  evidence: FieldEvidence[]
}

/**
 * A cheap first look, so most pairs that merely share a block (a common surname and year) cost almost
 * nothing: worth comparing in full only if an identifier or the volume and first page agree, a title
 * is missing, or at least half the words of the shorter title appear in the other. No merge rule can
 * fire for a pair failing all of these.
 */
export function mightMatch(ka: MatchKeys, kb: MatchKeys): boolean {
  if (ka.doi !== null && ka.doi === kb.doi) return true
  if (ka.pmid !== null && ka.pmid === kb.pmid) return true
  if (ka.volume !== null && ka.volume === kb.volume && ka.firstPage !== null && ka.firstPage === kb.firstPage) {
    return true
  }
  if (ka.titleUninformative || kb.titleUninformative) return true
  // Word hashes rather than words: a rare hash collision only lets a pair through to the full comparison.
  const a = ka.titleWordHashes
  const b = kb.titleWordHashes
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared * 2 >= Math.min(a.length, b.length)
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  const pool = [...large]
  for (const n of small) {
    const at = pool.indexOf(n)
    if (at < 0) return false
    pool.splice(at, 1)
  }
  return true
}

function numbersDiffer(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false
  return !isSubset(a, b) && !isSubset(b, a)
}

function shown(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

function doiLikeness(relation: DoiRelation | null): number | null {
  if (relation === null) return null
  return relation === 'same' ? 1 : relation === 'related' ? 0.5 : 0
}

/** Compares two records field by field, keeping the values as written for the reviewer's side-by-side view. */
export function comparePair(a: DedupRecord, ka: MatchKeys, b: DedupRecord, kb: MatchKeys): PairComparison {
  const doi = doiRelation(ka.doi, kb.doi)
  const pmid = sameValue(ka.pmid, kb.pmid)
  const title = titleLikeness(ka, kb)
  const authors = authorLikeness(ka, kb)
  const year = yearLikeness(ka.year, kb.year)
  const journal = journalLikeness(ka, kb)
  const la = location(ka, kb)
  const lb = location(kb, ka)
  const volume = sameValue(la.volume, lb.volume)
  const issue = sameValue(la.issue, lb.issue)
  const firstPage = sameValue(la.firstPage, lb.firstPage)
  const samePages =
    firstPage === 1 && la.lastPage !== null && la.lastPage === lb.lastPage
      ? Math.max(0, Number(la.lastPage) - Number(la.firstPage) + 1)
      : 0
  const evidence: FieldEvidence[] = [
    { field: 'doi', a: shown(a.doi), b: shown(b.doi), similarity: doiLikeness(doi) },
    { field: 'pmid', a: shown(a.pmid), b: shown(b.pmid), similarity: pmid },
    { field: 'title', a: shown(a.title), b: shown(b.title), similarity: title?.similarity ?? null },
    { field: 'authors', a: shown(a.authors.join('; ')), b: shown(b.authors.join('; ')), similarity: authors },
    { field: 'year', a: a.year?.toString() ?? null, b: b.year?.toString() ?? null, similarity: year },
    { field: 'journal', a: shown(a.journal), b: shown(b.journal), similarity: journal },
    { field: 'volume', a: shown(a.volume), b: shown(b.volume), similarity: volume },
    { field: 'issue', a: shown(a.issue), b: shown(b.issue), similarity: issue },
    { field: 'pages', a: shown(a.pages), b: shown(b.pages), similarity: firstPage },
    {
      field: 'publicationType',
      a: shown(a.publicationType),
      b: shown(b.publicationType),
      similarity: ka.kind === kb.kind ? null : 0,
    },
  ]
  return {
    doi,
    pmid,
    title,
    titleUninformative: ka.titleUninformative || kb.titleUninformative,
    titleTranslated: ka.titleTranslated || kb.titleTranslated,
    titleNumbersDiffer: numbersDiffer(ka.titleNumbers, kb.titleNumbers),
    authors,
    yearGap: ka.year === null || kb.year === null ? null : Math.abs(ka.year - kb.year),
    journal,
    volume,
    issue,
    firstPage,
    samePageNotFirst: firstPage === 1 && la.firstPage !== '1',
    samePageRange: samePages > 1,
    samePageCount: samePages,
    pagesDisagree: firstPage === 0 && !(la.lastPage !== null && la.lastPage === lb.lastPage),
    kindsDiffer: ka.kind !== kb.kind,
    conferenceVsJournal: ka.conference !== null && kb.conference !== null && ka.conference !== kb.conference,
    bothConference: ka.conference === true && kb.conference === true,
    shorterTitleWords: Math.min(ka.titleWords.length, kb.titleWords.length),
    onePageItem: ka.onePage || kb.onePage,
    letterWithinBundle: volume === 1 && issue !== 0 && (withinBundle(la, lb, ka) || withinBundle(lb, la, kb)),
    onlineFirst: isOnlineFirst(ka, kb) || isOnlineFirst(kb, ka),
    evidence,
  }
}

/** Where a record sits in its journal, as compared with another record. */
interface Location {
  volume: string | null
  issue: string | null
  firstPage: string | null
  lastPage: string | null
}

/**
 * The record's volume, issue and pages, read against the other record. An export that lost the volume
 * sometimes shifts the rest one place ("issue 26, pages 9" for volume 26, issue 9): when the issue and
 * page match the other record's volume and issue exactly, they are read as such.
 */
function location(k: MatchKeys, other: MatchKeys): Location {
  const shifted =
    k.volume === null &&
    other.volume !== null &&
    k.issue === other.volume &&
    k.firstPage !== null &&
    k.firstPage === other.issue &&
    k.onePage
  if (shifted) return { volume: k.issue, issue: k.firstPage, firstPage: null, lastPage: null }
  return { volume: k.volume, issue: k.issue, firstPage: k.firstPage, lastPage: k.lastPage }
}

/** True when `early` looks like the online-first record of `late` (see PairComparison.onlineFirst). */
function isOnlineFirst(early: MatchKeys, late: MatchKeys): boolean {
  return (
    early.year !== null &&
    late.year === early.year + 1 &&
    early.volume === null &&
    early.issue === null &&
    (early.firstPage === null || early.firstPage === '1') &&
    late.volume !== null
  )
}

/** True when `bundle` is a set of letters whose page range holds all of `letter`'s pages. */
function withinBundle(bundle: Location, letter: Location, bundleKeys: MatchKeys): boolean {
  if (!bundleKeys.letterBundle || bundle.firstPage === null || bundle.lastPage === null) return false
  if (letter.firstPage === null) return false
  const from = Number(bundle.firstPage)
  const to = Number(bundle.lastPage)
  const first = Number(letter.firstPage)
  const last = Number(letter.lastPage ?? letter.firstPage)
  return first >= from && last <= to && first <= last
}

const WEIGHTS: Partial<Record<FieldEvidence['field'], number>> = {
  doi: 3,
  pmid: 3,
  title: 4,
  authors: 2,
  year: 1,
  journal: 1,
  volume: 0.5,
  issue: 0.5,
  pages: 1,
}

/** Weighted mean of the similarities both records have, 0..1: how alike the pair looks overall. */
export function overallScore(evidence: readonly FieldEvidence[]): number {
  let sum = 0
  let weight = 0
  for (const item of evidence) {
    const w = WEIGHTS[item.field]
    if (w === undefined || item.similarity === null) continue
    sum += w * item.similarity
    weight += w
  }
  return weight === 0 ? 0 : Math.round((sum / weight) * 1000) / 1000
}
