/**
 * Hard-wraps diagram text by character count. SVG has no text flow, and measuring glyphs needs a font
 * engine the server does not have, so each font gets a conservative average glyph width (Arial/Liberation
 * Sans metrics, rounded up so DejaVu's wider glyphs still fit).
 */
import { wrapText } from '../../src/domain/text/wrap.ts'

export const GLYPH_WIDTH = { box: 6.1, bold: 7.4, small: 5.4 } as const

export function charsThatFit(width: number, glyph: number): number {
  return Math.max(8, Math.floor(width / glyph))
}

/** Diagram text: a count "(n = 1,234)" never breaks across lines. */
export function wrapDiagramText(text: string, maxChars: number): string[] {
  return wrapText(text, maxChars, { keepTogether: COUNT })
}

const COUNT = /\(n = [^)]*\)/
