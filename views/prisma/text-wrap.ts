import { textWidth } from '../../src/domain/figures/text-width.ts'

/**
 * Wraps diagram text by its measured width (views/figures/text-width.ts): SVG has no text flow, so each line
 * is placed by hand. The fonts of the diagram's text styles, in pixels.
 */
export const DIAGRAM_FONT = {
  box: { size: 12, bold: false },
  bold: { size: 12, bold: true },
  header: { size: 13, bold: true },
  small: { size: 10, bold: false },
} as const

export type DiagramFont = (typeof DIAGRAM_FONT)[keyof typeof DIAGRAM_FONT]

/** The width in pixels of `text` in one of the diagram's fonts. */
export function fontWidth(text: string, font: DiagramFont): number {
  return textWidth(text, font.size, font.bold)
}

/**
 * Breaks between words, never inside a count "(n = 1,234)"; a word wider than a whole line is cut (URLs,
 * long database names).
 */
export function wrapText(text: string, maxWidth: number, font: DiagramFont): string[] {
  const fits = (candidate: string) => fontWidth(candidate, font) <= maxWidth
  const lines: string[] = []
  let line = ''
  for (const word of text.match(/\(n = [^)]*\)|\S+/g) ?? []) {
    let rest = word
    while (!fits(rest) && rest.length > 1) {
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
  return lines.length > 0 ? lines : ['']
}
