/**
 * BibTeX field names as tools write them are looser than citation-js's grammar: CoLRev writes
 * "colrev.dblp.dblp_key = {…}", and a "." (or "/") in a field name makes citation-js reject the whole
 * entry, authors and all. Such names are not fields Weft reads, so for parsing each character outside
 * letters, digits and "_:-+" becomes "_"; the record's original text keeps the name as written.
 */

const ALLOWED = /[A-Za-z0-9_:+-]/

/** The entry with every top-level field name made parsable; the same string when nothing needed it. */
export function withParsableFieldNames(entry: string): string {
  const open = entry.search(/[{(]/)
  if (open === -1) return entry
  let out: string[] | null = null
  let done = 0
  let depth = 0
  let quoted = false
  for (let i = open + 1; i < entry.length; i++) {
    const char = entry[i]
    if (char === '\\') {
      i++
    } else if (char === '{') {
      depth++
    } else if (char === '}' || char === ')') {
      if (depth === 0) break
      if (char === '}') depth--
    } else if (char === '"' && depth === 0) {
      quoted = !quoted
    } else if (char === ',' && depth === 0 && !quoted) {
      const name = fieldNameAfter(entry, i + 1)
      if (name !== null && [...entry.slice(name.start, name.end)].some((c) => !ALLOWED.test(c))) {
        out ??= []
        out.push(entry.slice(done, name.start), entry.slice(name.start, name.end).replace(/[^A-Za-z0-9_:+-]/g, '_'))
        done = name.end
      }
    }
  }
  return out === null ? entry : out.join('') + entry.slice(done)
}

/** The field name that starts after whitespace at `from` and is followed by "=", or null. */
function fieldNameAfter(entry: string, from: number): { start: number; end: number } | null {
  let start = from
  while (start < entry.length && /\s/.test(entry[start] ?? '')) start++
  let end = start
  while (end < entry.length && !/[\s=,{}"]/.test(entry[end] ?? '')) end++
  if (end === start) return null
  let at = end
  while (at < entry.length && /\s/.test(entry[at] ?? '')) at++
  return entry[at] === '=' ? { start, end } : null
}
