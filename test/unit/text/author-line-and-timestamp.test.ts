import { describe, expect, it } from 'vitest'
import { authorLine } from '../../../src/domain/text/author-line.ts'
import { formatTimestamp } from '../../../src/domain/text/timestamp.ts'

describe('authorLine', () => {
  const authors = ['Moffatt, S.', 'Steer, M.', 'Lawson, S.', 'White, M.']

  it('names the first authors and says et al. for the rest', () => {
    expect(authorLine(authors, 3)).toBe('Moffatt, S.; Steer, M.; Lawson, S. et al.')
  })

  it('names every author when they fit', () => {
    expect(authorLine(authors, 4)).toBe('Moffatt, S.; Steer, M.; Lawson, S.; White, M.')
    expect(authorLine([], 3)).toBe('')
  })
})

describe('formatTimestamp', () => {
  it('writes a moment in UTC to the minute, and nothing for none', () => {
    expect(formatTimestamp(new Date('2026-11-02T09:05:59.999Z'))).toBe('2026-11-02 09:05')
    expect(formatTimestamp(null)).toBe('')
  })
})
