/**
 * Which column of a CSV/TSV export or spreadsheet holds which field. Known exports (Scopus, Embase,
 * PubMed, Web of Science, CINAHL, Cochrane, Covidence, Rayyan, EPPI-Reviewer, Zotero, EndNote,
 * RefWorks, Lens, OpenAlex, Google Scholar, asreview-style lowercase headers) are recognised by their
 * header names; anything else is mapped by the user.
 */

export const MAPPED_FIELDS = [
  'title',
  'abstract',
  'authors',
  'year',
  'journal',
  'volume',
  'issue',
  'pages',
  'pageStart',
  'pageEnd',
  'articleNumber',
  'doi',
  'pmid',
  'keywords',
  'language',
  'url',
  'publicationType',
  'citation',
] as const

export type MappedField = (typeof MAPPED_FIELDS)[number]

/** Header as written in the file → the field it holds ('ignore' to skip a column). */
export type ColumnMapping = Readonly<Record<string, MappedField | 'ignore'>>

/** Header aliases per field, lower-cased, in order of preference (Scopus "Authors" before "Author full names"). */
const KNOWN_HEADERS: Readonly<Record<MappedField, readonly string[]>> = {
  title: ['title', 'article title', 'title primary', 'item title', 'document title', 'primary title', 'display_name'],
  abstract: ['abstract', 'abstract note', 'abstracts', 'original abstract'],
  authors: [
    'authors',
    'author',
    'author names',
    'author(s)',
    'authors, primary',
    'author/s',
    'author full names',
    'authorships.author.display_name',
    'creator',
  ],
  year: [
    'year',
    'publication year',
    'published year',
    'pub year',
    'publication_year',
    'year published',
    'date',
    'publication date',
    'date of publication',
  ],
  // "source" last: in Embase it is a whole citation, used only when there is no better column.
  journal: [
    'source title',
    'parenttitle',
    'parent title',
    'journal',
    'journal title',
    'journal/book',
    'publication title',
    'periodical full',
    'publication',
    'journal name',
    'secondary title',
    'primary_location.source.display_name',
    'source',
  ],
  volume: ['volume', 'journal volume', 'biblio.volume'],
  issue: ['issue', 'issue number', 'journal issue', 'number', 'biblio.issue'],
  pages: ['pages', 'page', 'page range'],
  pageStart: ['page start', 'start page', 'first page', 'biblio.first_page'],
  pageEnd: ['page end', 'end page', 'last page', 'other pages', 'biblio.last_page'],
  articleNumber: ['art. no.', 'article number', 'article no.'],
  doi: ['doi', 'item doi', 'digital object identifier'],
  pmid: ['pubmed id', 'pmid', 'pubmed_id', 'pubmed', 'medline pmid', 'ids.pmid'],
  keywords: [
    'author keywords',
    'index keywords',
    'keywords',
    'manual tags',
    'automatic tags',
    'mesh terms',
    'subjects',
    'keyword',
    'keywords plus',
    'keywords.display_name',
  ],
  language: ['language', 'language of original document', 'language of article', 'article language'],
  url: ['link', 'url', 'plink', 'external url', 'source urls', 'article url'],
  publicationType: [
    'document type',
    'publication type',
    'item type',
    'reference type',
    'type',
    'doctype',
    'content type',
  ],
  // PubMed's "Eur J Med Genet. 2020 Feb;63(2):103640. doi: …": volume, issue and pages when no column has them.
  citation: ['citation'],
}

/** Web of Science tab-delimited exports use the field-tagged format's two-letter codes as headers. */
const WOS_TAGS: Readonly<Record<string, MappedField>> = {
  TI: 'title',
  AB: 'abstract',
  AF: 'authors',
  AU: 'authors',
  PY: 'year',
  SO: 'journal',
  VL: 'volume',
  IS: 'issue',
  BP: 'pageStart',
  EP: 'pageEnd',
  AR: 'articleNumber',
  DI: 'doi',
  PM: 'pmid',
  DE: 'keywords',
  ID: 'keywords',
  LA: 'language',
  DT: 'publicationType',
}

/** Fields where every mapped column is read (several keyword columns); others take the first non-empty. */
export const MULTI_COLUMN_FIELDS: ReadonlySet<MappedField> = new Set(['keywords'])

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/**
 * Column indexes per field for a header row, in order of preference. `explicit` (from the user) wins
 * over the built-in table; `wos` reads two-letter Web of Science codes.
 */
export function mapColumns(
  headers: readonly string[],
  options: { explicit?: ColumnMapping | undefined; wos?: boolean } = {},
): Map<MappedField, number[]> {
  const columns = new Map<MappedField, number[]>()
  const add = (field: MappedField, index: number): void => {
    const list = columns.get(field) ?? []
    if (!list.includes(index)) list.push(index)
    columns.set(field, list)
  }
  if (options.explicit !== undefined) {
    const explicit = new Map(
      Object.entries(options.explicit).map(([header, field]) => [normaliseHeader(header), field]),
    )
    headers.forEach((header, index) => {
      const field = explicit.get(normaliseHeader(header))
      if (field !== undefined && field !== 'ignore') add(field, index)
    })
    return columns
  }
  if (options.wos === true) {
    // AF (full names) before AU: sort so the preferred tag comes first.
    const order = ['AF', 'AU']
    const indexed = headers.map((header, index) => ({ tag: header.replace(/^\uFEFF/, '').trim(), index }))
    indexed.sort((a, b) => rank(order, a.tag) - rank(order, b.tag))
    for (const { tag, index } of indexed) {
      const field = WOS_TAGS[tag]
      if (field !== undefined) add(field, index)
    }
    return columns
  }
  const normalised = headers.map(normaliseHeader)
  for (const field of Object.keys(KNOWN_HEADERS) as MappedField[]) {
    for (const alias of KNOWN_HEADERS[field]) {
      normalised.forEach((header, index) => {
        if (header === alias) add(field, index)
      })
    }
  }
  return columns
}

function rank(order: readonly string[], tag: string): number {
  const at = order.indexOf(tag)
  return at === -1 ? order.length : at
}

/** True when the header row names a title column the built-in table knows. */
export function hasKnownTitle(headers: readonly string[], wos = false): boolean {
  return mapColumns(headers, { wos }).has('title')
}

/** Besides a title, a reference list has at least one of these. */
const CITATION_FIELDS: readonly MappedField[] = ['authors', 'year', 'doi', 'abstract', 'journal']

/**
 * A header row of a reference list, whichever tool wrote it: a title column and at least one of
 * authors, year, DOI, abstract or journal. (A title alone could be any table: a to-do list, a
 * decisions file.)
 */
export function isReferenceHeader(headers: readonly string[], wos = false): boolean {
  const columns = mapColumns(headers, { wos })
  return columns.has('title') && CITATION_FIELDS.some((field) => columns.has(field))
}
