import { describe, expect, it } from 'vitest'
import { wrapText } from '../../../src/domain/text/wrap.ts'

describe('wrapText', () => {
  it('fills each line with whole words up to the width', () => {
    expect(wrapText('Records screened by two reviewers', 16)).toEqual(['Records screened', 'by two reviewers'])
  })

  it('cuts a word longer than a whole line', () => {
    expect(wrapText('see https://example.org/long', 10)).toEqual(['see', 'https://ex', 'ample.org/', 'long'])
  })

  it('never breaks a run the caller keeps together', () => {
    expect(wrapText('Reports excluded (n = 1,234)', 20, { keepTogether: /\(n = [^)]*\)/ })).toEqual([
      'Reports excluded',
      '(n = 1,234)',
    ])
  })

  it('keeps at most maxLines, the last one ending with … when text was left out', () => {
    expect(wrapText('one two three four five', 9, { maxLines: 2 })).toEqual(['one two', 'three…'])
    expect(wrapText('one two', 9, { maxLines: 2 })).toEqual(['one two'])
  })

  it('gives one empty line for empty text', () => {
    expect(wrapText('  ', 10)).toEqual([''])
  })
})
