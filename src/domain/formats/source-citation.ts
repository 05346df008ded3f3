/**
 * Where an export gives the journal, volume, issue and pages as one citation string instead of
 * columns, the parts read from it, so deduplication can compare them.
 */

export interface CitationParts {
  journal?: string
  year?: string
  volume?: string
  issue?: string
  pages?: string
}

/**
 * Embase's "Source" column: "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014",
 * "Nature Communications (2024) 15:1 Article Number: 4063. …", "Int J Surg Case Rep (2019) 54 (83-86)".
 */
const EMBASE_SOURCE =
  /^(.+?) \((1[5-9]\d\d|20\d\d)\) ([^\s:(.]+)(?::([^\s(]+?))?(?: \(([^)]+)\)| Article Number: ([^\s.]+))?(?:\.|$)/

/** PubMed's "Citation" column: "Eur J Med Genet. 2020 Feb;63(2):103640. doi: …" (volume, issue, pages). */
const PUBMED_CITATION = /;\s*([^\s;:()]+)(?:\(([^)]+)\))?:([A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)/

/** The parts of an Embase source string, or null when the value is a plain journal name. */
export function embaseSourceParts(source: string): CitationParts | null {
  const match = EMBASE_SOURCE.exec(source)
  if (match === null) return null
  const [, journal, year, volume, issue, pages, articleNumber] = match
  return citationParts({ journal, year, volume, issue, pages: pages ?? articleNumber })
}

/** Volume, issue and pages from a PubMed citation, or null when it has none. */
export function pubmedCitationParts(citation: string): CitationParts | null {
  const match = PUBMED_CITATION.exec(citation)
  if (match === null) return null
  const [, volume, issue, pages] = match
  return citationParts({ volume, issue, pages })
}

/** The parts that were found, trimmed; empty and missing ones left out. */
export function citationParts(parts: { [K in keyof CitationParts]?: string | undefined }): CitationParts {
  const out: CitationParts = {}
  for (const [key, value] of Object.entries(parts) as [keyof CitationParts, string | undefined][]) {
    const text = value?.trim()
    if (text !== undefined && text !== '') out[key] = text
  }
  return out
}
