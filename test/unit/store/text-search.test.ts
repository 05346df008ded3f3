import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { anyContains } from '../../../src/store/text-search.ts'

const db = openDatabase(':memory:')
const found = (texts: string[], words: string) =>
  db.get<{ hit: number }>(
    sql`select ${anyContains(
      texts.map((text) => sql`${text}`),
      words,
    )} as hit`,
  )!.hit === 1

describe('anyContains', () => {
  it('finds the words anywhere in any of the columns, whatever their case', () => {
    expect(found(['The GP signposts', 'I feel like a Social Worker'], 'social work')).toBe(true)
    expect(found(['The GP signposts'], 'social work')).toBe(false)
  })

  it("takes LIKE's wildcards literally", () => {
    expect(found(['I feel like a social worker'], 'like_a')).toBe(false)
    expect(found(['signposts 100% of the time'], '100%')).toBe(true)
    expect(found(['signposts 1000 of the time'], '100%')).toBe(false)
    expect(found(['a back\\slash'], 'k\\s')).toBe(true)
  })
})
