/**
 * Scopus's BibTeX writes the author list with commas where BibTeX wants " and ":
 *   author={D'Ambrosio, A.a , Aria, M.a , Iorio, C.b },      (older exports: affiliation letters after initials)
 *   author={Siciliano, R., D’Ambrosio, A., Aria, M.},
 * A BibTeX parser reads that as one person whose given names run on. A real name list has at most two
 * commas ("von Last, Jr, First"), so a list of three or more, without "and", that pairs up into
 * "Family, Initials" is rewritten with " and " before parsing; the record's original text is untouched.
 */

const NAME_FIELD = /(^|[\s,{])(author|editor)(\s*=\s*)\{/gi
/** "A." "M.D." "J.-C." then the affiliation letters Scopus appended: "a", "a  b  c". */
const MARKED_INITIALS = /^(\p{Lu}\.(?:-?\p{Lu}\.)*)\s*[a-z](?:\s+[a-z])*$/u
const INITIALS = /^\p{Lu}\.(?:-?\s?\p{Lu}\.)*$/u

/** The entry's text with comma-joined author and editor lists joined by " and "; unchanged otherwise. */
export function withNamesJoinedByAnd(entry: string): string {
  let out = ''
  let done = 0
  for (const match of entry.matchAll(NAME_FIELD)) {
    const open = (match.index ?? 0) + match[0].length
    const close = closingBrace(entry, open)
    if (close === -1) continue
    const names = commaJoinedNames(entry.slice(open, close))
    if (names === null) continue
    out += entry.slice(done, open) + names.join(' and ')
    done = close
  }
  return done === 0 ? entry : out + entry.slice(done)
}

/** "Family, A.a , Family, B." → ["Family, A.", "Family, B."]; null when the value is not such a list. */
function commaJoinedNames(value: string): string[] | null {
  if (/\sand\s/i.test(value) || value.includes('{')) return null
  const pieces = value.split(',').map((piece) => piece.trim())
  if (pieces.length < 4 || pieces.length % 2 !== 0) return null
  const names: string[] = []
  for (let i = 0; i < pieces.length; i += 2) {
    const family = pieces[i] ?? ''
    const given = (pieces[i + 1] ?? '').replace(MARKED_INITIALS, '$1')
    if (family === '' || !INITIALS.test(given)) return null
    names.push(`${family}, ${given}`)
  }
  return names
}

/** Index of the "}" that closes the brace opened just before `from`, or -1. */
function closingBrace(text: string, from: number): number {
  let depth = 1
  for (let i = from; i < text.length; i++) {
    const char = text[i]
    if (char === '\\') i++
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return i
  }
  return -1
}
