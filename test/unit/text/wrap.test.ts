import { describe, expect, it } from 'vitest'
import { wrapText } from '../../../src/domain/text/wrap.ts'

/** One letter is one unit wide: a line fits when it has at most `width` characters. */
const within = (width: number) => (line: string) => line.length <= width

describe('wrapText', () => {
  it('breaks between words, filling each line as far as it fits', () => {
    expect(wrapText('Records marked as ineligible by tools', within(17))).toEqual([
      'Records marked as',
      'ineligible by',
      'tools',
    ])
  })

  it('gives one empty line for empty text, so a box keeps its height', () => {
    expect(wrapText('   ', within(10))).toEqual([''])
  })

  it('breaks a word longer than a whole line over several lines, losing no letter', () => {
    const pieces = wrapText('see https://example.org/long', within(10))
    expect(pieces).toEqual(['see', 'https://ex', 'ample.org/', 'long'])
    expect(pieces.slice(1).join('')).toBe('https://example.org/long')
  })

  it('cuts a word longer than a line short with … when asked to', () => {
    expect(wrapText('a Supercalifragilistic word', within(10), { longWord: 'cut' })).toEqual([
      'a',
      'Supercali…',
      'word',
    ])
  })

  it('stops at maxLines and ends the last line with … when text is left over', () => {
    expect(wrapText('one two three four five', within(9), { maxLines: 2 })).toEqual(['one two', 'three …'])
    expect(wrapText('one two', within(9), { maxLines: 2 })).toEqual(['one two'])
  })

  it('shortens the last kept line when the … would not fit beside it', () => {
    expect(wrapText('abcdefgh ijk', within(8), { maxLines: 1 })).toEqual(['abcdefg…'])
  })

  it('never splits a run it is told to keep together, such as a count "(n = 4)"', () => {
    const count = /\(n = [^)]*\)/
    expect(wrapText('Excluded (n = 1,234)', within(14), { keepTogether: count })).toEqual(['Excluded', '(n = 1,234)'])
    expect(wrapText('Excluded (n = 1,234)', within(14))).toEqual(['Excluded (n =', '1,234)'])
  })
})
