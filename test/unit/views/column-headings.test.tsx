import { describe, expect, it } from 'vitest'
import { ColumnHeadings } from '../../../views/components/column-headings.tsx'

describe('ColumnHeadings', () => {
  it('gives each column a header cell, escaped as text', () => {
    expect(String(<ColumnHeadings headings={['Reviewers', 'Landis & Koch']} />)).toBe(
      String(
        <thead>
          <tr>
            <th scope='col'>Reviewers</th>
            <th scope='col'>Landis &amp; Koch</th>
          </tr>
        </thead>,
      ),
    )
    expect(String(<ColumnHeadings headings={['Landis & Koch']} />)).toContain('<th scope="col">Landis &amp; Koch</th>')
  })
})
