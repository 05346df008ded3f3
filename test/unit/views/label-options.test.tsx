import { describe, expect, it } from 'vitest'
import { LabelOptions } from '../../../views/components/label-options.tsx'

const rows = [
  { id: 3, label: 'Wrong setting' },
  { id: 12, label: 'Not qualitative & mixed' },
]

describe('LabelOptions', () => {
  it('offers each row by its id and label, none chosen', () => {
    expect(String(<LabelOptions rows={rows} />)).toBe(
      String(
        <>
          <option value='3'>Wrong setting</option>
          <option value='12'>Not qualitative &amp; mixed</option>
        </>,
      ),
    )
  })

  it('marks the chosen row, whether its id comes as a number or as the form sent it', () => {
    for (const selected of [12, '12']) {
      const html = String(<LabelOptions rows={rows} selected={selected} />)
      expect(html).toContain('<option value="12" selected="">')
      expect(html).toContain('<option value="3">')
    }
    expect(String(<LabelOptions rows={rows} selected={null} />)).not.toContain('selected')
  })
})
