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
  /** True when the page ranges disagree at both ends (one differing end is more often a typo). */
  pagesDisagree: boolean
  /** True when one record is an erratum, retraction or comment and the other is not of that kind. */
  kindsDiffer: boolean
  /** True when one record is a conference item and the other a journal article. */
  conferenceVsJournal: boolean
  /** True when both records are conference items, whose venue names vary most ("AMCIS 2017 Proceedings"). */
  bothConference: boolean
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
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
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
  const volume = sameValue(ka.volume, kb.volume)
  const issue = sameValue(ka.issue, kb.issue)
  const firstPage = sameValue(ka.firstPage, kb.firstPage)
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
    titleNumbersDiffer: numbersDiffer(ka.titleNumbers, kb.titleNumbers),
    authors,
    yearGap: ka.year === null || kb.year === null ? null : Math.abs(ka.year - kb.year),
    journal,
    volume,
    issue,
    firstPage,
    samePageNotFirst: firstPage === 1 && ka.firstPage !== '1',
    samePageRange:
      firstPage === 1 && ka.lastPage !== null && ka.lastPage === kb.lastPage && Number(ka.lastPage) > Number(ka.firstPage),
    pagesDisagree: firstPage === 0 && !(ka.lastPage !== null && ka.lastPage === kb.lastPage),
    kindsDiffer: ka.kind !== kb.kind,
    conferenceVsJournal: ka.conference !== null && kb.conference !== null && ka.conference !== kb.conference,
    bothConference: ka.conference === true && kb.conference === true,
    evidence,
  }
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
