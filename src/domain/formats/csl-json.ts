/**
 * CSL-JSON (Zotero, Mendeley, citation-js, Better BibTeX): an array of items, or one item. Each
 * top-level element is sliced out of the text first, so every record keeps its own JSON and line, and a
 * truncated file still yields the items before the cut. citation-js then cleans the items.
 */
import Cite from 'citation-js'
import type { BibliographicRecord, ParseIssue } from './bibliographic-record.ts'
import { cslToRecord, withoutGraph, type CslItem } from './csl-to-record.ts'
import { LineCounter } from './lines.ts'
import type { ParseOutput } from './parse-output.ts'

interface Element {
  text: string
  line: number
}

export function parseCslJson(text: string): ParseOutput {
  const issues: ParseIssue[] = []
  const elements = topLevelElements(text, issues)
  const raw: { element: Element; item: CslItem; number: number }[] = []
  elements.forEach((element, i) => {
    try {
      const value: unknown = JSON.parse(element.text)
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        raw.push({ element, item: value as CslItem, number: i + 1 })
        return
      }
      issues.push({
        line: element.line,
        record: i + 1,
        message: `CSL-JSON item ${i + 1} at line ${element.line} is not an object`,
      })
    } catch (error) {
      issues.push({
        line: element.line,
        record: i + 1,
        message: `CSL-JSON item ${i + 1} at line ${element.line} is not valid JSON: ${String(error)}`,
      })
    }
  })
  const cleaned = cleanItems(raw.map((entry) => entry.item))
  const records: BibliographicRecord[] = raw.map((entry, i) =>
    cslToRecord(withoutGraph(cleaned?.[i] ?? entry.item), entry.element.text, entry.element.line),
  )
  if (elements.length === 0 && text.trim() !== '')
    issues.push({ line: 1, message: 'No CSL-JSON items found (expected a JSON array of objects)' })
  return { records, issues }
}

/** citation-js's clean-up (types, dates, names) for all items at once; null when it refuses them. */
function cleanItems(items: CslItem[]): CslItem[] | null {
  if (items.length === 0) return []
  try {
    const data = Cite.plugins.input.chain(items, { generateGraph: false, forceType: '@csl/list+object' })
    return Array.isArray(data) && data.length === items.length ? (data as CslItem[]) : null
  } catch {
    return null
  }
}

/**
 * The text of each element of a top-level JSON array (or the single top-level object), found by
 * tracking nesting outside strings. An element cut off by the end of the file is reported.
 */
function topLevelElements(text: string, issues: ParseIssue[]): Element[] {
  const lines = new LineCounter(text)
  const elements: Element[] = []
  let i = skipSpace(text, 0)
  const single = text[i] === '{'
  if (!single) {
    if (text[i] !== '[') return elements
    i++
  }
  let depth = 0
  let start = -1
  let inString = false
  for (; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    else if (char === '{' || char === '[') {
      if (depth === 0) start = i
      depth++
    } else if (char === '}' || char === ']') {
      if (depth === 0) break // the closing "]" of the top-level array
      depth--
      if (depth === 0 && start !== -1) {
        elements.push({ text: text.slice(start, i + 1), line: lines.lineAt(start) })
        start = -1
        if (single) break
      }
    }
  }
  if (start !== -1) {
    const line = lines.lineAt(start)
    issues.push({
      line,
      record: elements.length + 1,
      message: `CSL-JSON item ${elements.length + 1} at line ${line} is cut off: the file ends inside it`,
    })
  }
  return elements
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && /[\s\uFEFF]/.test(text[i] ?? '')) i++
  return i
}
