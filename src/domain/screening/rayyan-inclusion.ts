/**
 * Rayyan writes its screening decisions into each record's notes (RIS "N1", CSV "notes"), as Ruby
 * hashes and comma lists in " | "-separated parts:
 *   RAYYAN-INCLUSION: {"Alice"=>"Included", "Bob"=>"Excluded"} | RAYYAN-EXCLUSION-REASONS: wrong population,wrong outcome | RAYYAN-LABELS: qualitative,UK | USER-NOTES: {"Alice"=>["check the methods"]}
 * Any part may be missing; the reviewer's own note text may come before the first part. Rayyan gives
 * the exclusion reasons for the record, not per reviewer, so an importer attaches them to the reviewers
 * who excluded it. Reasons that Rayyan stored as labels ("__EXR__wrong population") count as reasons.
 */
import { decodeEntities } from '../text/entities.ts'

export type RayyanVerdict = 'include' | 'exclude' | 'maybe'

export interface RayyanDecisions {
  /** Each reviewer's decision, in the order Rayyan lists them. */
  decisions: { reviewer: string; verdict: RayyanVerdict }[]
  exclusionReasons: string[]
  labels: string[]
  /** Reviewers' notes from USER-NOTES, one entry per note. */
  notes: { reviewer: string; note: string }[]
  /** Decision values other than Included, Excluded and Maybe, as written, for the importer to report. */
  unrecognised: { reviewer: string; value: string }[]
}

const PART = /(RAYYAN-INCLUSION|RAYYAN-EXCLUSION-REASONS|RAYYAN-LABELS|USER-NOTES)\s*:/g
const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"'
const NAME_TO_STRING = new RegExp(`${QUOTED}\\s*=>\\s*${QUOTED}`, 'g')
const NAME_TO_LIST = new RegExp(`${QUOTED}\\s*=>\\s*\\[([^\\]]*)\\]`, 'g')
const STRING = new RegExp(QUOTED, 'g')
const REASON_LABEL = '__EXR__'
const VERDICTS: Readonly<Record<string, RayyanVerdict>> = { included: 'include', excluded: 'exclude', maybe: 'maybe' }

export function parseRayyanInclusion(notes: string | null | undefined): RayyanDecisions {
  const parts = notesParts(readable(notes ?? ''))
  const result: RayyanDecisions = { decisions: [], exclusionReasons: [], labels: [], notes: [], unrecognised: [] }

  for (const [, reviewer, value] of (parts.get('RAYYAN-INCLUSION') ?? '').matchAll(NAME_TO_STRING)) {
    const name = unescape(reviewer ?? '').trim()
    const written = unescape(value ?? '').trim()
    const verdict = VERDICTS[written.toLowerCase()]
    if (verdict === undefined) result.unrecognised.push({ reviewer: name, value: written })
    else result.decisions.push({ reviewer: name, verdict })
  }

  const reasons = commaList(parts.get('RAYYAN-EXCLUSION-REASONS'))
  for (const label of commaList(parts.get('RAYYAN-LABELS'))) {
    if (label.startsWith(REASON_LABEL)) reasons.push(label.slice(REASON_LABEL.length).trim())
    else result.labels.push(label)
  }
  result.exclusionReasons = [...new Set(reasons.filter((reason) => reason !== ''))]

  for (const [, reviewer, list] of (parts.get('USER-NOTES') ?? '').matchAll(NAME_TO_LIST)) {
    for (const [, note] of (list ?? '').matchAll(STRING)) {
      const text = unescape(note ?? '').trim()
      if (text !== '') result.notes.push({ reviewer: unescape(reviewer ?? '').trim(), note: text })
    }
  }
  return result
}

/**
 * Undoes what a file may have done to the notes on the way: a raw CSV line keeps doubled quotes
 * ({""Alice""=>""Included""}) and goes on past the notes cell with the row's other cells, an
 * HTML-minded export writes &quot;.
 */
function readable(text: string): string {
  const unquoted = text.includes('""=>""') ? notesCell(text).replaceAll('""', '"') : text
  return unquoted.includes('&quot;') ? decodeEntities(unquoted) : unquoted
}

/** A CSV row up to the end of its notes cell: the first quote after the decisions that is not doubled. */
function notesCell(row: string): string {
  const marker = row.search(PART)
  if (marker === -1) return row
  for (let at = row.indexOf('"', marker); at !== -1; at = row.indexOf('"', at + 2)) {
    if (row.charCodeAt(at + 1) !== 34 /* " */) return row.slice(0, at)
  }
  return row
}

/**
 * Each part's text, from its marker to the next marker. The first of each kind counts: older exports
 * can repeat a stale RAYYAN-INCLUSION later on. Hash and list parts end with their line (a RIS record
 * continues with other tags on the next lines); USER-NOTES may span lines inside its quotes.
 */
function notesParts(text: string): Map<string, string> {
  const markers = [...text.matchAll(PART)]
  const parts = new Map<string, string>()
  markers.forEach((marker, i) => {
    const name = marker[1] ?? ''
    if (parts.has(name)) return
    const end = markers[i + 1]?.index ?? text.length
    let value = text.slice(marker.index + marker[0].length, end)
    if (name !== 'USER-NOTES') value = value.split('\n', 1)[0] ?? ''
    parts.set(name, value.replace(/[\s|]+$/, '').trim())
  })
  return parts
}

function commaList(value: string | undefined): string[] {
  if (value === undefined) return []
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Ruby's inspect escapes a quote or backslash inside a string with a backslash. */
function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1')
}
