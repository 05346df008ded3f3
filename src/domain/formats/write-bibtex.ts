/**
 * BibTeX in UTF-8, as Zotero, Better BibTeX, JabRef, biber and bibtexparser read it. Written here rather than
 * by citation-js 0.7, whose BibTeX writer leaves out abstract, keywords, language and PMID and writes
 * accents as `{\~ n}` (command, space, letter), which Zotero and other parsers read as "∼ n".
 *
 * Values are braced; accented letters stay UTF-8; only TeX's special characters are escaped, as Zotero's
 * export escapes them. URLs and DOIs are written verbatim (biblatex and Zotero read them raw).
 */
import { issn } from './write-ris.ts'
import { cslType, type CitableRecord } from './record-to-csl.ts'

const ENTRY_TYPES: Record<string, string> = {
  'article-journal': 'article',
  article: 'article',
  review: 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  'paper-conference': 'inproceedings',
  chapter: 'incollection',
  book: 'book',
  thesis: 'phdthesis',
  report: 'techreport',
}

/** Which field holds the container title, by entry type. */
const CONTAINER_FIELD: Record<string, string> = {
  article: 'journal',
  inproceedings: 'booktitle',
  incollection: 'booktitle',
}

export function writeBibtex(records: readonly CitableRecord[], key: (record: CitableRecord) => string): string {
  return records.map((record) => bibtexEntry(record, key(record))).join('\n')
}

function bibtexEntry(record: CitableRecord, key: string): string {
  const type = ENTRY_TYPES[cslType(record)] ?? 'misc'
  const fields: [string, string][] = []
  const field = (name: string, value: string | number | null | undefined, write = escapeText) => {
    if (value === null || value === undefined || String(value).trim() === '') return
    fields.push([name, write(String(value).trim())])
  }
  field('author', record.authors.length === 0 ? null : record.authors.map(bibtexName).join(' and '), (v) => v)
  field('title', record.title, protectCase)
  const container = CONTAINER_FIELD[type] ?? 'howpublished'
  field(container, record.journal, container === 'booktitle' ? protectCase : escapeText)
  field('year', record.year)
  field('volume', record.volume)
  field('number', record.issue)
  field('pages', record.pages?.replace(/\s*[-–—]+\s*/g, '--'))
  field('doi', record.doi, verbatim)
  field('pmid', record.pmid)
  field('issn', issn(record))
  field('url', record.url, verbatim)
  field('abstract', record.abstract)
  field('keywords', record.keywords.length === 0 ? null : keywordList(record.keywords), (v) => v)
  field('language', record.language)
  field('note', record.note)
  const body = fields.map(([name, value]) => `\t${name} = {${value}},`).join('\n')
  return `@${type}{${key},\n${body}\n}\n`
}

/**
 * "Family, Given" is BibTeX's own "von Last, First" form, particles included ("van den Berg, Agnes"). A name
 * without a comma is an organisation: braced whole, so "World Health Organization" is not split into names.
 */
function bibtexName(name: string): string {
  const comma = name.indexOf(',')
  if (comma === -1) return `{${escapeText(name)}}`
  const family = name.slice(0, comma).trim()
  const given = name.slice(comma + 1).trim()
  const safeFamily = / and /i.test(family) ? `{${escapeText(family)}}` : escapeText(family)
  return given === '' ? safeFamily : `${safeFamily}, ${escapeText(given)}`
}

/**
 * Comma-separated, as biblatex lists keywords. Zotero and Better BibTeX split keywords at every comma and
 * semicolon, braces or not, so a keyword with a comma in it ("Aged, 80 and over") cannot stay whole for them;
 * the list is then separated by semicolons (and ends with one when it has a single keyword), which Weft's
 * reader splits on first, and the others read as clean words.
 */
function keywordList(keywords: readonly string[]): string {
  const escaped = keywords.map((keyword) => escapeText(keyword))
  if (!keywords.some((keyword) => keyword.includes(','))) return escaped.join(', ')
  return escaped.length === 1 ? `${escaped[0]};` : escaped.join('; ')
}

/**
 * Titles keep the case they have: as Zotero's BibTeX export does, every word with a capital letter is braced
 * (except a first word capitalised only at its start), so Better BibTeX and biber do not lowercase it.
 */
function protectCase(text: string): string {
  return escapeText(text).replace(/(.)\b([\p{L}\d]*\p{Lu}[\p{L}\d]*)|^([\p{L}\d]+\p{Lu}[\p{L}\d]*)/gu, '$1{$2$3}')
}

/** TeX's special characters as Zotero's BibTeX export writes them (each form keeps the braces balanced). */
const TEX_ESCAPES: Record<string, string> = {
  '\\': '{\\textbackslash}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '{\\textasciitilde}',
  '^': '{\\textasciicircum}',
}

function escapeText(text: string): string {
  const oneSpaced = text.replace(/\s+/g, ' ')
  // BibTeX counts braces even after a backslash: "\{x\}" is fine, a lone "\{" needs Zotero's \vphantom pair.
  const braces = balanced(oneSpaced)
    ? { '{': '\\{', '}': '\\}' }
    : { '{': '\\{\\vphantom{\\}}', '}': '\\vphantom{\\{}\\}' }
  return oneSpaced.replace(/[\\{}&%$#_~^]/g, (char) =>
    char === '{' || char === '}' ? braces[char] : (TEX_ESCAPES[char] ?? char),
  )
}

function balanced(text: string): boolean {
  let depth = 0
  for (const char of text) {
    if (char === '{') depth++
    else if (char === '}' && --depth < 0) return false
  }
  return depth === 0
}

/** URLs and DOIs are read raw; only braces, which would unbalance the entry, are percent-encoded. */
function verbatim(text: string): string {
  return text.replace(/\s+/g, '').replace(/[{}]/g, (char) => (char === '{' ? '%7B' : '%7D'))
}
