/**
 * How two DOIs relate. A DOI names one item, so two different DOIs are strong evidence of two reports,
 * except where the DOIs say the items are versions or parts of one work, which a reviewer must judge.
 */

export type DoiRelation = 'same' | 'related' | 'different'

/** Registrant prefixes of preprint servers: a preprint and the journal article are different reports. */
const PREPRINT_PREFIXES = [
  '10.1101/', // bioRxiv, medRxiv
  '10.21203/', // Research Square
  '10.2139/', // SSRN
  '10.48550/', // arXiv
  '10.31234/', // PsyArXiv
  '10.31219/', // OSF Preprints
  '10.31235/', // SocArXiv
  '10.20944/', // Preprints.org
  '10.22541/', // Authorea
]

/** Cochrane ".pub3", arXiv-style "v2", figshare-style ".v1": the same work in another version. */
const VERSION_SUFFIX = /(\.pub\d+|\.v\d+|\/v\d+|v\d+)$/

function isPreprint(doi: string): boolean {
  return PREPRINT_PREFIXES.some((prefix) => doi.startsWith(prefix))
}

/** Relation of two normalised (lower-case) DOIs, or null when either record has none. */
export function doiRelation(a: string | null, b: string | null): DoiRelation | null {
  if (a === null || b === null) return null
  if (a === b) return 'same'
  if (a.replace(VERSION_SUFFIX, '') === b.replace(VERSION_SUFFIX, '')) return 'related'
  // A sub-DOI names a part of an item: a table, a figure, a supplement (".t001", "/suppl").
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.startsWith(short) && /^[./_-]/.test(long.slice(short.length))) return 'related'
  if (isPreprint(a) !== isPreprint(b)) return 'related'
  return 'different'
}
