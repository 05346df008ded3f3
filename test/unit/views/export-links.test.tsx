import { describe, expect, it } from 'vitest'
import { ExportLinks } from '../../../views/components/export-links.tsx'

describe('ExportLinks', () => {
  it('offers the table as CSV and as an HTML document, both downloads', () => {
    const html = String(<ExportLinks stem='/reviews/r/appraisal/matrix' />)
    expect(html).toBe(
      '<p class="exports">Export: <a href="/reviews/r/appraisal/matrix.csv" download="">CSV</a> · ' +
        '<a href="/reviews/r/appraisal/matrix.html" download="">HTML table</a></p>',
    )
  })
})
