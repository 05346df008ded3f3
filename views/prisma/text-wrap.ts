/**
 * Hard-wraps diagram text by character count. SVG has no text flow, and measuring glyphs needs a font
 * engine the server does not have, so each font gets a conservative average glyph width (Arial/Liberation
 * Sans metrics, rounded up so DejaVu's wider glyphs still fit).
 */
export const GLYPH_WIDTH = { box: 6.1, bold: 7.4, small: 5.4 } as const

export function charsThatFit(width: number, glyph: number): number {
  return Math.max(8, Math.floor(width / glyph))
}

/**
 * Breaks between words, never inside a count "(n = 1,234)"; a word longer than a whole line is cut (URLs,
 * long database names).
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.match(/\(n = [^)]*\)|\S+/g) ?? []) {
    let rest = word
    while (rest.length > maxChars) {
      if (line) {
        lines.push(line)
        line = ''
      }
      lines.push(rest.slice(0, maxChars))
      rest = rest.slice(maxChars)
    }
    if (!line) line = rest
    else if (line.length + 1 + rest.length <= maxChars) line += ` ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}
