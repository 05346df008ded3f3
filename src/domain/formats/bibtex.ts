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
import { cleanList, cleanText, normaliseDoi, urlFrom, yearFrom } from './normalise.ts'
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
    return { records: entries.map((entry, i) => bibtexRecord(whole[i] ?? {}, entry)), issues }
  }
  const records = entries.map((entry, i) => parseOne(entry, i + 1, macros, issues))
  return { records, issues }
}

function parseOne(entry: BibtexEntry, number: number, macros: string, issues: ParseIssue[]): BibliographicRecord {
  const parsed = entry.closed ? tryParse(`${macros}\n${parsable(entry.text)}`) : null
  const item = parsed?.[0]
  if (parsed !== null && parsed.length === 1 && item !== undefined) return bibtexRecord(item, entry)
  if (entry.closed) {
    issues.push({
      line: entry.line,
      record: number,
      message: `BibTeX entry ${number} at line ${entry.line} could not be parsed; kept with the fields that could be read`,
    })
  }
  return roughRecord(entry)
}

/**
 * citation-js's reading, corrected where it loses what the file says: it percent-encodes a URL's "%"
 * ("%2f" → "%252f"), and it drops the braces that keep a comma inside one keyword ("{Aged, 80 and over}").
 */
function bibtexRecord(item: CslItem, entry: BibtexEntry): BibliographicRecord {
  const record = cslToRecord(item, entry.text, entry.line)
  const url = bracedField(entry.text, 'url')
  if (url !== null) record.url = urlFrom(url) ?? record.url
  const keywords = bracedField(entry.text, 'keywords')
  if (keywords !== null) record.keywords = keywordList(keywords)
  return record
}

/** A field's text as written between its outer braces (`name = {…}`), or null when written otherwise. */
function bracedField(text: string, name: string): string | null {
  const start = new RegExp(`[,{\\s]${name}\\s*=\\s*\\{`, 'i').exec(text)
  if (start === null) return null
  let depth = 0
  for (let i = start.index + start[0].length - 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '{') depth++
    else if (text[i] === '}' && --depth === 0) return text.slice(start.index + start[0].length, i)
  }
  return null
}

/**
 * Keywords split at semicolons when there are any (so "Aged, 80 and over; Primary care" keeps its comma),
 * else at commas, never inside braces; each unbraced and unescaped as citation-js would.
 */
function keywordList(value: string): string[] {
  const separators = topLevel(value).includes(';') ? ';' : ',;'
  const keywords: string[] = []
  let depth = 0
  let current = ''
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? ''
    if (char === '\\') {
      current += char + (value[i + 1] ?? '')
      i++
      continue
    }
    if (char === '{') depth++
    if (char === '}') depth--
    if (depth === 0 && separators.includes(char)) {
      keywords.push(current)
      current = ''
    } else current += char
  }
  keywords.push(current)
  return cleanList(keywords.map((keyword) => latexText(keyword)))
}

/** The text outside braces and without escaped characters. */
function topLevel(value: string): string {
  return value.replace(/\\./g, '').replace(/\{[^{}]*\}/g, '')
}

/** One keyword with TeX in it through citation-js's own LaTeX reading (accents, escapes), braces gone. */
function latexText(value: string): string {
  if (!/[\\{}$~]/.test(value)) return value
  const parsed = tryParse(`@misc{k, title = {${value}}}`)
  const title = parsed?.[0]?.title
  return typeof title === 'string' ? title : value.replace(/[{}]/g, '')
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
