/**
 * BibTeX / BibLaTeX through citation-js (its parser knows LaTeX accents, macros and name splitting).
 * citation-js rejects a whole file for one bad entry, so entries are sliced here first: the whole
 * file is tried once, and if that fails the entries are parsed one by one and the bad ones reported.
 */
import Cite from 'citation-js'
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { blankRecord } from './blank-record.ts'
import { findBibtexEntries, type BibtexEntry } from './bibtex-entries.ts'
import { withParsableFieldNames } from './bibtex-field-names.ts'
import { withNamesJoinedByAnd } from './bibtex-names.ts'
import { cslToRecord, type CslItem } from './csl-to-record.ts'
import { cleanList, cleanText, normaliseDoi, yearFrom } from './normalise.ts'
import type { ParseOutput } from './parse-output.ts'

const NOT_RECORDS = new Set(['string', 'comment', 'preamble'])

export function parseBibtex(text: string): ParseOutput {
  const issues: ParseIssue[] = []
  const all = findBibtexEntries(text, issues)
  const macros = all
    .filter((entry) => entry.type === 'string')
    .map((entry) => entry.text)
    .join('\n')
  const entries = all.filter((entry) => !NOT_RECORDS.has(entry.type))
  if (entries.length === 0 && text.trim() !== '')
    issues.push({ line: 1, message: 'No BibTeX entries (@article{…}) found' })

  const whole = entries.every((entry) => entry.closed)
    ? tryParse([macros, ...entries.map((e) => parsable(e.text))].join('\n'))
    : null
  if (whole !== null && whole.length === entries.length) {
    return { records: entries.map((entry, i) => cslToRecord(whole[i] ?? {}, entry.text, entry.line)), issues }
  }
  const records = entries.map((entry, i) => parseOne(entry, i + 1, macros, issues))
  return { records, issues }
}

function parseOne(entry: BibtexEntry, number: number, macros: string, issues: ParseIssue[]): BibliographicRecord {
  const parsed = entry.closed ? tryParse(`${macros}\n${parsable(entry.text)}`) : null
  const item = parsed?.[0]
  if (parsed !== null && parsed.length === 1 && item !== undefined) return cslToRecord(item, entry.text, entry.line)
  if (entry.closed) {
    issues.push({
      line: entry.line,
      record: number,
      message: `BibTeX entry ${number} at line ${entry.line} could not be parsed; kept with the fields that could be read`,
    })
  }
  return roughRecord(entry)
}

/** The entry as citation-js can read it: a comma-joined author list and odd field names repaired. */
function parsable(entry: string): string {
  return withParsableFieldNames(withNamesJoinedByAnd(entry))
}

/** citation-js's CSL for a BibTeX text, or null when it rejects it. */
function tryParse(text: string): CslItem[] | null {
  try {
    const data = Cite.plugins.input.chain(text, { generateGraph: false, forceType: '@biblatex/text' })
    return Array.isArray(data)
      ? data.filter((item): item is CslItem => typeof item === 'object' && item !== null)
      : null
  } catch {
    return null
  }
}

/** A best-effort read of a broken entry, so it is flagged and kept rather than dropped. */
function roughRecord(entry: BibtexEntry): BibliographicRecord {
  const record = blankRecord(entry.text, entry.line)
  const field = (name: string): string | null => {
    // {value} with one level of nested braces, "value", a bare word, or an unclosed {value to the line end.
    const match = new RegExp(
      `(?:^|[,\\s{])${name}\\s*=\\s*(?:\\{((?:[^{}]|\\{[^{}]*\\})*)\\}|"([^"]*)"|(\\w+)|\\{([^,\\n}]*))`,
      'i',
    ).exec(entry.text)
    return cleanText((match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4])?.replace(/[{}]/g, ''))
  }
  record.title = field('title')
  record.authors = cleanList((field('author') ?? '').split(/\s+and\s+/))
  record.year = yearFrom(field('year') ?? field('date'))
  record.doi = normaliseDoi(field('doi'))
  record.journal = field('journal')
  record.publicationType = entry.type
  return record
}
