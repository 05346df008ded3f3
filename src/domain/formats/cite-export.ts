/**
 * Writing references out: RIS, BibTeX and CSL-JSON files, and, through citation-js, reference lists in APA,
 * Vancouver and Harvard (citeproc with citation-js 0.7's bundled apa and harvard1, and for Vancouver the
 * official NLM style, registered here from styles/ — no network), as HTML or plain text.
 */
import Cite from 'citation-js'
import { recordToCsl, type CitableRecord, type KeywordJoin } from './record-to-csl.ts'
import { NLM_CITATION_SEQUENCE_CSL } from './styles/nlm-citation-sequence.ts'
import { writeBibtex } from './write-bibtex.ts'
import { writeRis } from './write-ris.ts'

export const REFERENCE_FORMATS = ['ris', 'bibtex', 'csljson'] as const
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number]

export const CITATION_STYLES = ['apa', 'vancouver', 'harvard'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]

export const CITATION_STYLE_LABELS: Record<CitationStyle, string> = {
  apa: 'APA (7th edition)',
  vancouver: 'Vancouver',
  harvard: 'Harvard',
}

/** Other names a style goes by: `harvard1` is citation-js's (and the old CSL repository's) name for Harvard. */
export const CITATION_STYLE_ALIASES: Readonly<Record<string, CitationStyle>> = { harvard1: 'harvard' }

const TEMPLATES: Record<CitationStyle, string> = {
  apa: 'apa',
  vancouver: 'nlm-citation-sequence',
  harvard: 'harvard1',
}
;(Cite as unknown as CiteStatics).plugins.config
  .get('@csl')
  .templates.add('nlm-citation-sequence', NLM_CITATION_SEQUENCE_CSL)

// A private-use character: it cannot be in a record (they come from text files) and no writer escapes it.
const COMMA_STAND_IN = '\uE000'
const COMMA_SPLIT: KeywordJoin = { separator: ',', comma: COMMA_STAND_IN }

/** RIS and BibTeX are written by our own writers (write-ris.ts, write-bibtex.ts say why), CSL-JSON as stored. */
export function writeReferences(records: readonly CitableRecord[], format: ReferenceFormat): string {
  if (format === 'csljson') {
    const items = records.map((record) => recordToCsl(record, { separator: '; ', comma: ',' }))
    return `${JSON.stringify(items, null, 2)}\n`
  }
  return format === 'ris' ? writeRis(records) : writeBibtex(records, citationKey)
}

/** A reference list in `style`, ordered as the style orders it (APA and Harvard by author, Vancouver as given). */
export function referenceList(
  records: readonly CitableRecord[],
  style: CitationStyle,
  output: 'html' | 'text',
): string {
  if (records.length === 0) return ''
  const items = records.map((record) => {
    // Notes carry Weft's bookkeeping (PMID, study) for reference managers, not for a reader of the list.
    const { note: _note, ...item } = recordToCsl(record, COMMA_SPLIT)
    return item
  })
  const list = cite(items).format('bibliography', { format: output, template: TEMPLATES[style], lang: 'en-US' })
  return list.replaceAll(COMMA_STAND_IN, ',')
}

/**
 * The output side of citation-js 0.7 used here. citation-js.d.ts declares the input side only, and its
 * declarations are local to that module block, so they cannot be merged from here: a typed view instead.
 */
interface CiteStatics {
  plugins: { config: { get(name: '@csl'): { templates: { add(name: string, xml: string): void } } } }
}
interface CiteOutput {
  format(format: 'bibliography', options: { format: 'html' | 'text'; template: string; lang: string }): string
}
const CiteWriter = Cite as unknown as new (
  data: unknown,
  options: { generateGraph: boolean; forceType: string },
) => CiteOutput

function cite(items: Record<string, unknown>[]): CiteOutput {
  return new CiteWriter(items, { generateGraph: false, forceType: '@csl/list+object' })
}

/** Unique and stable: first author's family name and year, then the record id ("Moffatt2017_42"). */
function citationKey(record: CitableRecord): string {
  const first = record.authors[0] ?? ''
  const family = (first.includes(',') ? first.slice(0, first.indexOf(',')) : first)
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
  return `${family || 'Anon'}${record.year ?? 'nd'}_${record.id}`
}
