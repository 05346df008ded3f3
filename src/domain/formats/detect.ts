/**
 * Which format a file is in, judged from its content: file extensions are often wrong (".txt" for
 * RIS, ".ris" for MEDLINE, ".csv" for tab-delimited). Looks past preamble lines (EBSCO, ProQuest,
 * Ovid, Embase CSV put text before the first record).
 */
import { isReferenceHeader } from './column-mapping.ts'
import { looksLikeEndnoteTagged } from './endnote-tagged.ts'
import { OVID_RECORD } from './ovid.ts'
import { guessDelimiter, HEADER_SEARCH_ROWS, readDelimitedRows } from './delimited-rows.ts'

export const FORMAT_NAMES = [
  'ris',
  'medline',
  'pubmed_xml',
  'bibtex',
  'endnote_xml',
  'endnote_tagged',
  'ovid',
  'csl_json',
  'wos',
  'wos_tab',
  'csv',
  'tsv',
  'xlsx',
  'ods',
] as const

export type FormatName = (typeof FORMAT_NAMES)[number]

export type Detection = { format: FormatName } | { format: null; reason: string }

/** How much of the file detection reads: enough for long preambles, cheap for 280 MB files. */
const HEAD_CHARS = 64 * 1024
const HEAD_LINES = 400

export function isFormatName(value: unknown): value is FormatName {
  return typeof value === 'string' && (FORMAT_NAMES as readonly string[]).includes(value)
}

export function detectFormat(text: string): Detection {
  const head = text.slice(0, HEAD_CHARS).replace(/^[\s\uFEFF]+/, '')
  if (head === '') return { format: null, reason: 'The file is empty' }
  if (looksBinary(head)) {
    return {
      format: null,
      reason:
        'The file looks binary (an Excel 97–2003 .xls workbook, a PDF or an EndNote library?), not a text export; save a workbook as .xlsx or CSV, or export RIS or EndNote XML',
    }
  }
  if (/^<(\?xml|xml|records|record|!DOCTYPE|PubmedArticle|PubmedBookArticle)/i.test(head)) return detectXml(head)
  if (head.startsWith('[') || head.startsWith('{')) return { format: 'csl_json' }

  const lines = head.split('\n', HEAD_LINES)
  const firstLine = lines[0] ?? ''
  if (firstLine.includes('\t') && isWosTabHeader(firstLine)) return { format: 'wos_tab' }

  let risTags = 0
  let risEnds = 0
  for (const line of lines) {
    if (/^(FN|VR) /.test(line) || /^PT [A-Z]\s*$/.test(line)) return { format: 'wos' }
    if (/^TY {1,2}- ?/.test(line)) return { format: 'ris' }
    if (/^(PMID|OWN |STAT|FAU |DCOM|LID |AID |JT  |DP  )-/.test(line)) return { format: 'medline' }
    if (/^\s*@[ \t]*[A-Za-z]+[ \t]*[{(]/.test(line)) return { format: 'bibtex' }
    if (/^[A-Z][A-Z0-9] {1,2}- /.test(line)) risTags++
    if (/^ER {1,2}-?\s*$/.test(line)) risEnds++
  }
  // RIS whose records lost their TY lines still has tags and ER.
  if (risTags >= 3 && risEnds >= 1) return { format: 'ris' }
  if (looksLikeEndnoteTagged(lines)) return { format: 'endnote_tagged' }
  if (lines.some((line) => OVID_RECORD.test(line))) return { format: 'ovid' }
  const delimiter = guessDelimiter(head)
  if (hasReferenceHeader(head, delimiter)) return { format: delimiter === '\t' ? 'tsv' : 'csv' }
  if (looksTabular(head, delimiter)) return { format: delimiter === '\t' ? 'tsv' : 'csv' }
  return {
    format: null,
    reason:
      'Could not recognise the format: no RIS ("TY  - "), MEDLINE ("PMID- "), PubMed XML, BibTeX ("@article{"), EndNote XML (<record>) or tagged ("%0"), Ovid ("<1>"), CSL-JSON, Web of Science ("PT J" … "ER") or CSV/TSV header with a title column was found',
  }
}

function detectXml(head: string): Detection {
  if (/<Pubmed(Book)?Article[\s>]|<PubmedArticleSet[\s>]/.test(head)) return { format: 'pubmed_xml' }
  if (/<record[\s>]/.test(head)) return { format: 'endnote_xml' }
  return {
    format: null,
    reason:
      'An XML file with neither EndNote <record> nor PubMed <PubmedArticle> elements; Weft reads EndNote XML and PubMed XML',
  }
}

/** "PT\tAU\tBA\t…\tTI\t…": the header row of a Web of Science tab-delimited export. */
function isWosTabHeader(line: string): boolean {
  const cells = new Set(line.split('\t').map((cell) => cell.trim()))
  return cells.has('PT') && cells.has('TI') && (cells.has('AU') || cells.has('SO'))
}

/** NUL bytes or many control characters: not a text export. */
function looksBinary(head: string): boolean {
  const sample = head.slice(0, 4096)
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if (code === 0) return true
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++
  }
  return control > sample.length * 0.05
}

/** One of the first rows (past any preamble) is the header of a reference list. */
function hasReferenceHeader(head: string, delimiter: string): boolean {
  const rows = readDelimitedRows(completeRows(head), delimiter, [])
  return rows.slice(0, HEADER_SEARCH_ROWS).some((row) => isReferenceHeader(row.cells.map((cell) => cell.trim())))
}

/** The sample without its last line when the sample was cut from a longer file. */
function completeRows(head: string): string {
  return head.length < HEAD_CHARS ? head : head.slice(0, head.lastIndexOf('\n') + 1)
}

/**
 * A table: most rows (past any preamble) share one width of two or more cells. Prose with commas
 * (a README, ProQuest's plain-text export) has rows of every width.
 */
function looksTabular(head: string, delimiter: string): boolean {
  const rows = readDelimitedRows(completeRows(head), delimiter, []).filter((row) => row.cells.length >= 2)
  if (rows.length === 0) return false
  const counts = new Map<number, number>()
  for (const row of rows) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1)
  const commonest = Math.max(...counts.values())
  const width = [...counts].find(([, count]) => count === commonest)?.[0]
  // Header cells are names, not sentences.
  const header = rows.find((row) => row.cells.length === width)
  if (header === undefined || header.cells.some((cell) => cell.length > 100)) return false
  // A header and at least one row of the same width.
  return commonest >= 2 && commonest >= rows.length * 0.5
}
