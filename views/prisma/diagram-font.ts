import { textWidth } from '../../src/domain/figures/text-width.ts'
import { wrapText } from '../../src/domain/text/wrap.ts'

/**
 * The fonts of the diagram's text styles, in pixels, measured by src/domain/figures/text-width.ts: SVG has no
 * text flow, so each line is wrapped and placed by hand.
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
 * `text` wrapped to `maxWidth` pixels in `font`: never inside a count "(n = 1,234)"; a word wider than a
 * whole line is broken over lines (URLs, long database names).
 */
export function wrapInFont(text: string, maxWidth: number, font: DiagramFont): string[] {
  return wrapText(text, (line) => fontWidth(line, font) <= maxWidth, { keepTogether: COUNT })
}

const COUNT = /\(n = [^)]*\)/
