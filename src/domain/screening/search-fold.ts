/**
 * Case- and accent-insensitive matching that can still point back into the text as written: the folded
 * text (lower case, accents removed) comes with, for each of its characters, where the character it
 * came from starts and ends in the original. Highlighting matches on the folded text and cuts the
 * original, so what is shown is exactly what was stored.
 */
import { foldAccents } from '../text/fold.ts'

export interface FoldedText {
  folded: string
  /** Index in the original of the character folded[i] came from. */
  startOf(i: number): number
  /** Index in the original just after that character. */
  endOf(i: number): number
}

const ASCII = /^[\x00-\x7f]*$/

export function foldWithPositions(text: string): FoldedText {
  // Plain ASCII abstracts, most of them: lower-casing keeps every position.
  if (ASCII.test(text)) return { folded: text.toLowerCase(), startOf: (i) => i, endOf: (i) => i + 1 }
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  let at = 0
  while (at < text.length) {
    const code = text.codePointAt(at) ?? 0
    const width = code > 0xffff ? 2 : 1
    const piece = code < 0x80 ? (text[at]?.toLowerCase() ?? '') : foldAccents(text.slice(at, at + width))
    folded += piece
    for (let k = 0; k < piece.length; k++) {
      starts.push(at)
      ends.push(at + width)
    }
    at += width
  }
  return { folded, startOf: (i) => starts[i] ?? text.length, endOf: (i) => ends[i] ?? text.length }
}
