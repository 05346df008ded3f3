/**
 * Word wrap for the figures (PRISMA diagram, line of argument): SVG has no text flow, so each line is placed
 * by hand. Whether a line fits is the caller's measurement (a font's widths and a box's width), so one wrap
 * serves every font.
 */
export interface WrapOptions {
  /** At most this many lines; when text is left over the last one ends in "…". */
  maxLines?: number
  /** Runs that are never split across lines, such as a count "(n = 1,234)". */
  keepTogether?: RegExp
  /**
   * A word wider than a whole line is broken over lines (`break`: URLs, long database names, nothing lost)
   * or cut short with "…" (`cut`: a label that must stay one word per line).
   */
  longWord?: 'break' | 'cut'
}

/** Greedy: each line takes as many words as fit; always at least one line. */
export function wrapText(text: string, fits: (line: string) => boolean, options: WrapOptions = {}): string[] {
  const { maxLines = Infinity, keepTogether, longWord = 'break' } = options
  const words = text.match(keepTogether ? new RegExp(`${keepTogether.source}|\\S+`, 'g') : /\S+/g) ?? []
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    let rest = word
    while (longWord === 'break' && !fits(rest) && rest.length > 1) {
      if (line) {
        lines.push(line)
        line = ''
      }
      let cut = rest.length - 1
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    if (!line) line = rest
    else if (fits(`${line} ${rest}`)) line += ` ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line) lines.push(line)
  if (lines.length === 0) return ['']
  const leftOver = lines.length > maxLines
  const kept = lines.slice(0, maxLines)
  if (leftOver) kept[maxLines - 1] = `${kept[maxLines - 1]} …`
  return kept.map((each, index) =>
    longWord === 'cut' || (leftOver && index === maxLines - 1) ? shorten(each, fits) : each,
  )
}

/** Cuts a line that does not fit (one very long word, or the "…" added) back to the width, ending in "…". */
function shorten(line: string, fits: (line: string) => boolean): string {
  if (fits(line)) return line
  let cut = line.length - 1
  while (cut > 1 && !fits(`${line.slice(0, cut).trimEnd()}…`)) cut--
  return `${line.slice(0, cut).trimEnd()}…`
}
