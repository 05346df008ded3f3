/**
 * How a decisions file names a record. The rule, in order, for a value in the `record` column:
 *   1. a DOI: starts with "10.", or with "doi:", or contains "doi.org/" ("https://doi.org/10.1/ABC"),
 *      normalised as imports normalise DOIs (lower case, no prefix), so it matches the stored DOI;
 *   2. a PMID: "PMID:" (or "PMID ", "PubMed:", "MEDLINE:") followed by up to 8 digits;
 *   3. a Weft record id: digits only, at most 9 of them. A bare number is always a Weft id, never a
 *      PMID; write "PMID:12345678" or use a `pmid` column for PubMed ids.
 * A `doi` column holds DOIs only and a `pmid` column PMIDs only (bare digits allowed there).
 */
import { normaliseDoi, normalisePmid } from '../formats/normalise.ts'

export type RecordIdentifier =
  { kind: 'weft'; id: number } | { kind: 'doi'; doi: string } | { kind: 'pmid'; pmid: string }

export type RecordColumn = 'record' | 'doi' | 'pmid'

export type IdentifierResult = { ok: true; identifier: RecordIdentifier } | { ok: false; error: string }

const LOOKS_LIKE_DOI = /^(?:10\.|doi\s*:)|doi\.org\//i
const LOOKS_LIKE_PMID = /^(?:pmid|pubmed|medline)\b/i
const DIGITS = /^[0-9]+$/
const MAX_WEFT_ID_DIGITS = 9

export function classifyRecordIdentifier(value: string, column: RecordColumn = 'record'): IdentifierResult {
  const text = value.trim()
  if (column === 'doi' || (column === 'record' && LOOKS_LIKE_DOI.test(text))) return doi(text)
  if (column === 'pmid' || LOOKS_LIKE_PMID.test(text)) return pmid(text)
  if (DIGITS.test(text)) {
    if (text.length > MAX_WEFT_ID_DIGITS)
      return { ok: false, error: `“${text}” has more digits than a Weft record id (at most ${MAX_WEFT_ID_DIGITS})` }
    if (Number(text) === 0) return { ok: false, error: `“${text}” is not a Weft record id (ids start at 1)` }
    return { ok: true, identifier: { kind: 'weft', id: Number(text) } }
  }
  return { ok: false, error: `“${text}” is not a Weft record id (digits), a DOI (10.…) or a PMID (PMID:…)` }
}

function doi(text: string): IdentifierResult {
  const normalised = normaliseDoi(text)
  return normalised === null
    ? { ok: false, error: `“${text}” is not a DOI (a DOI starts with 10. and has a /)` }
    : { ok: true, identifier: { kind: 'doi', doi: normalised } }
}

function pmid(text: string): IdentifierResult {
  const normalised = normalisePmid(text)
  return normalised === null
    ? { ok: false, error: `“${text}” is not a PMID (up to 8 digits)` }
    : { ok: true, identifier: { kind: 'pmid', pmid: normalised } }
}
