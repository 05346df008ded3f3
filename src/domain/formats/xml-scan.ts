/**
 * A tolerant scanner for the record XML that reference tools write (EndNote XML, PubMed XML). It finds
 * elements by name with indexOf instead of building a DOM, so a truncated or slightly broken file
 * still yields whatever records are readable, and a single-line 3 MB file costs one pass.
 */
import { decodeEntities } from '../text/entities.ts'

/** Position of the next `<name` that is exactly that element (not `<names`), or -1. */
export function indexOfOpenTag(xml: string, name: string, from: number): number {
  const needle = `<${name}`
  let at = xml.indexOf(needle, from)
  while (at !== -1) {
    const next = xml.charCodeAt(at + needle.length)
    // ">" , "/" (self-closing) or whitespace before attributes.
    if (next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13) return at
    at = xml.indexOf(needle, at + needle.length)
  }
  return -1
}

/** The raw inner XML of every `<name …>…</name>` in `xml`, in order; `<name/>` gives "". */
export function elementsNamed(xml: string, name: string): string[] {
  return taggedElements(xml, name).map((element) => element.inner)
}

/**
 * Every `<name …>…</name>` in `xml`, in order, with its start tag (for attributeOf) and inner XML.
 * Elements of the same name must not nest (true of the reference formats read with it).
 */
export function taggedElements(xml: string, name: string): { tag: string; inner: string }[] {
  const out: { tag: string; inner: string }[] = []
  const close = `</${name}>`
  let from = 0
  for (;;) {
    const open = indexOfOpenTag(xml, name, from)
    if (open === -1) return out
    const openEnd = xml.indexOf('>', open)
    if (openEnd === -1) return out
    const tag = xml.slice(open, openEnd + 1)
    if (xml.charCodeAt(openEnd - 1) === 47 /* / */) {
      out.push({ tag, inner: '' })
      from = openEnd + 1
      continue
    }
    const end = xml.indexOf(close, openEnd + 1)
    if (end === -1) {
      // Unclosed element (truncated file): keep what is there up to the next tag of the same name.
      const next = indexOfOpenTag(xml, name, openEnd + 1)
      out.push({ tag, inner: xml.slice(openEnd + 1, next === -1 ? xml.length : next) })
      if (next === -1) return out
      from = next
      continue
    }
    out.push({ tag, inner: xml.slice(openEnd + 1, end) })
    from = end + close.length
  }
}

/** The inner XML of the first `<name>` element, or null. */
export function firstElement(xml: string, name: string): string | null {
  const found = indexOfOpenTag(xml, name, 0)
  if (found === -1) return null
  return elementsNamed(xml.slice(found), name)[0] ?? null
}

/** An attribute of the first `<name …>` tag ("Journal Article" from `<ref-type name="Journal Article">`). */
export function attributeOf(xml: string, name: string, attribute: string): string | null {
  const open = indexOfOpenTag(xml, name, 0)
  if (open === -1) return null
  const end = xml.indexOf('>', open)
  const tag = xml.slice(open, end === -1 ? xml.length : end)
  const match = new RegExp(`\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  const value = match?.[1] ?? match?.[2]
  return value === undefined ? null : decodeEntities(value)
}

/** The text of an element's inner XML: CDATA kept, tags such as `<style …>` dropped, entities decoded. */
export function textOf(inner: string | null): string | null {
  if (inner === null) return null
  let xml = inner
  if (xml.includes('<![CDATA[')) {
    xml = xml.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) =>
      data.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    )
  }
  if (xml.includes('<')) xml = xml.replace(/<[^>]*>/g, '')
  return decodeEntities(xml)
}
