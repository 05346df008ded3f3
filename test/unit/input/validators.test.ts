import { describe, expect, it } from 'vitest'
import { validate } from '../../../src/input/form.ts'
import { reviewInput } from '../../../src/input/review-input.ts'
import { sourceInput } from '../../../src/input/source-input.ts'
import { changedFields } from '../../../src/store/audit.ts'

describe('review input', () => {
  it('trims text, lower-cases the short name and fills the defaults', () => {
    const result = validate(reviewInput, { title: '  Link workers  ', slug: ' Link-Workers ' })
    expect(result).toMatchObject({
      ok: true,
      value: {
        title: 'Link workers',
        slug: 'link-workers',
        prismaTemplate: 'new_databases_registers_other',
        reviewersPerRecord: 2,
        blindScreening: false,
      },
    })
  })

  it.each(['a', '-leading-hyphen', 'has space', 'ünïcode', 'x'.repeat(64)])('refuses the short name %j', (slug) => {
    const result = validate(reviewInput, { title: 'T', slug })
    expect(result.ok).toBe(false)
  })
})

describe('search log input', () => {
  it('accepts a search run today and refuses one run tomorrow', () => {
    const schema = sourceInput('2026-11-02')
    expect(validate(schema, { name: 'MEDLINE', kind: 'database', dateRun: '2026-11-02' }).ok).toBe(true)
    expect(validate(schema, { name: 'MEDLINE', kind: 'database', dateRun: '2026-11-03' })).toMatchObject({
      ok: false,
      errors: { dateRun: 'The date run cannot be in the future.' },
    })
  })
})

describe('audit changes', () => {
  it('keeps only the fields whose value changed', () => {
    expect(changedFields({ a: 1, b: 'x', c: true }, { a: 1, b: 'y', c: true })).toEqual({
      before: { b: 'x' },
      after: { b: 'y' },
    })
    expect(changedFields({ a: 1 }, { a: 1 })).toBeNull()
  })
})
