import { describe, expect, it } from 'vitest'
import { DEFAULT_QUALITATIVE_FIELDS, hasOptions } from '../../../src/domain/extraction/fields.ts'
import { DEMO_CHARACTERISTICS_FIELDS } from '../../../src/demo/link-worker-review.ts'
import { displayValue, settledValue, valuesAgree } from '../../../src/domain/extraction/values.ts'

describe('the default characteristics form', () => {
  it('has the study characteristics ENTREQ item 8 and eMERGe item 10 ask for (METHOD.md §9.2), for any topic', () => {
    expect(DEFAULT_QUALITATIVE_FIELDS.map((field) => field.label)).toEqual([
      'Country',
      'Setting',
      'Aim',
      'Methodology',
      'Data collection',
      'Participants',
      'Sample size',
      'Sampling and recruitment',
      'Data collection period',
      'Analysis approach',
      'Publication type',
      'Funding',
    ])
    const everything = DEFAULT_QUALITATIVE_FIELDS.flatMap((field) => [field.label, field.hint, ...field.options])
    expect(everything.join(' ')).not.toMatch(/link.?worker|PCN|social prescrib/i)
  })

  it('leaves the link-worker fields to the demo review', () => {
    const demo = DEMO_CHARACTERISTICS_FIELDS.map((field) => field.label)
    expect(demo).toContain('Number of link workers')
    expect(demo).toContain('Host organisation')
    expect(demo).toContain('Link-worker job title')
  })

  it('gives every choice field its choices and no other field any', () => {
    for (const field of [...DEFAULT_QUALITATIVE_FIELDS, ...DEMO_CHARACTERISTICS_FIELDS])
      expect(field.options.length >= 2).toBe(hasOptions(field.kind))
  })
})

describe('whether two extractors agree', () => {
  it('compares text ignoring case and spacing, but not wording', () => {
    expect(valuesAgree('short_text', 'Thematic  analysis', 'thematic analysis ')).toBe(true)
    expect(valuesAgree('long_text', 'Thematic analysis', 'Framework analysis')).toBe(false)
  })

  it('compares numbers by value', () => {
    expect(valuesAgree('number', '12', '12.0')).toBe(true)
    expect(valuesAgree('number', '12', '13')).toBe(false)
    expect(valuesAgree('number', '', '0')).toBe(false)
  })

  it('compares multiple choices and countries as sets', () => {
    expect(valuesAgree('multiple_choice', '["Focus groups","Observation"]', '["Observation","Focus groups"]')).toBe(
      true,
    )
    expect(valuesAgree('multiple_choice', '["Focus groups"]', '["Focus groups","Observation"]')).toBe(false)
    expect(valuesAgree('country', 'England; Scotland', 'Scotland; England')).toBe(true)
  })
})

describe('the value a dual-extracted field settles on', () => {
  it('is the consensus once recorded, whatever the extractors wrote', () => {
    expect(settledValue('short_text', ['a', 'b'], 'c')).toEqual({ state: 'settled', value: 'c', by: 'consensus' })
  })

  it('is the extractors’ value when both agree', () => {
    expect(settledValue('number', ['24', '24'], null)).toEqual({ state: 'settled', value: '24', by: 'agreement' })
  })

  it('is a discrepancy when they differ and no consensus is recorded', () => {
    expect(settledValue('short_text', ['Ethnography', 'Grounded theory'], null)).toEqual({ state: 'discrepant' })
  })

  it('waits while only one extractor has saved', () => {
    expect(settledValue('short_text', ['Ethnography'], null)).toEqual({ state: 'waiting' })
    expect(settledValue('short_text', [], null)).toEqual({ state: 'waiting' })
  })

  it('treats two blanks as agreeing that the study does not report it', () => {
    expect(settledValue('number', ['', ''], null)).toEqual({ state: 'settled', value: '', by: 'agreement' })
  })
})

describe('showing a stored value', () => {
  it('lists multiple choices and countries with semicolons', () => {
    expect(displayValue('multiple_choice', '["Focus groups","Observation"]')).toBe('Focus groups; Observation')
    expect(displayValue('country', 'England;Wales')).toBe('England; Wales')
    expect(displayValue('short_text', '')).toBe('')
  })
})
